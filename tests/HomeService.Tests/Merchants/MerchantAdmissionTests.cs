using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using HomeService.WorkOrders;

namespace HomeService.Tests.Merchants;

/// <summary>
/// Admission and exit (加盟 / 准入与退出): a company applies online, an admin approves it and dispatch sees it at once;
/// a black-listed merchant is suspended at once and gets no offers; every change is in the history with reason and actor.
/// </summary>
public sealed class MerchantAdmissionTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    private static object Application(string creditCode) => new
    {
        name = "郑州好帮手家政服务有限公司", creditCode, legalPerson = "周敏", contactName = "周敏", contactPhone = "13712345678",
        address = "金水区农业路 20 号", district = "金水区", categories = new[] { "hourly", "home-clean" }, districts = new[] { "金水区", "二七区" },
        documents = new[] { new { kind = "business-licence", name = "营业执照.pdf" } },
    };

    [Fact]
    public async Task A_bad_credit_code_is_named_in_the_applicants_language_and_nothing_is_recorded()
    {
        using var anonymous = new HttpClient { BaseAddress = Web.BaseAddress };
        var before = await _deployment.Scalar<long>("SELECT count(*) FROM merchant");

        var wrongCheck = await anonymous.PostAsJsonAsync("/api/merchant-applications", Application("91410100MA48QWE3LX"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongCheck.StatusCode);
        Assert.Equal("统一社会信用代码有误：校验位不符，请核对。",
            (await wrongCheck.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("creditCode")[0].GetString());

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/merchant-applications") { Content = JsonContent.Create(Application("91410100MA48QWE3")) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var tooShort = await anonymous.SendAsync(english);
        Assert.Equal("Unified social credit code must be 18 characters long.",
            (await tooShort.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("creditCode")[0].GetString());

        // A code that already belongs to an admitted merchant (M001's)
        var taken = await anonymous.PostAsJsonAsync("/api/merchant-applications", Application("91410100MA44TF2E5W"));
        Assert.Equal("统一社会信用代码已存在。", (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("creditCode")[0].GetString());
        Assert.Equal(before, await _deployment.Scalar<long>("SELECT count(*) FROM merchant"));
    }

    [Fact]
    public async Task A_company_brought_over_under_its_known_id_is_checked_like_an_applicant_and_the_next_applicant_is_numbered_past_it()
    {
        var registry = _deployment.Silos[0].Grains.GetGrain<HomeService.Merchants.IMerchantRegistryGrain>(0);
        static HomeService.Merchants.MerchantApplication Known(string creditCode) => new("郑州老字号家政服务有限公司", creditCode, "吴芳", "吴芳",
            "13712345679", "管城回族区东大街 5 号", "管城回族区", ["hourly"], ["管城回族区"], []);

        // The id keeps the registry's shape and is nobody's yet; the application is checked like one from /join.
        Assert.Equal(["format"], (await registry.ApplyAs("X1001", Known("91410100MA48QWE3LW"), "system:import")).Errors!["merchantId"]);
        Assert.Equal(["exists"], (await registry.ApplyAs("M001", Known("91410100MA48QWE3LW"), "system:import")).Errors!["merchantId"]);
        Assert.Equal(["exists"], (await registry.ApplyAs("M1001", Known("91410100MA44TF2E5W"), "system:import")).Errors!["creditCode"]); // M001's
        var imported = await registry.ApplyAs("M1001", Known("91410100MA48QWE3LW"), "system:import");
        Assert.Equal(("M1001", "Applied"), (imported.Value!.MerchantId, imported.Value.Status.ToString()));

        // The first applicant on /join would have been M1001: the sequence steps over the number the import took.
        using var anonymous = new HttpClient { BaseAddress = Web.BaseAddress };
        var applied = await anonymous.PostAsJsonAsync("/api/merchant-applications", Application("91410100MA49XWN7LP"));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal("M1002", (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("merchantId").GetString());
    }

    [Fact]
    public async Task An_approved_applicant_is_offered_orders_and_a_black_listed_one_is_suspended_at_once_and_offered_none()
    {
        using var anonymous = new HttpClient { BaseAddress = Web.BaseAddress };
        var applied = await anonymous.PostAsJsonAsync("/api/merchant-applications", Application(" 91410100ma48qwe3lw "));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var merchant = await applied.Content.ReadFromJsonAsync<JsonElement>();
        var id = merchant.GetProperty("merchantId").GetString()!;
        Assert.Equal("Applied", merchant.GetProperty("status").GetString());
        Assert.Equal("91410100MA48QWE3LW", merchant.GetProperty("creditCode").GetString());
        var directory = _deployment.Silos[0].Grains.GetGrain<IDispatchDirectoryGrain>(0);
        Assert.DoesNotContain(await directory.GetMerchants(), m => m.MerchantId == id && m.Status is "Active" or "Warned");

        using var admin = await WebSession.SignIn(Web, "admin");
        var pending = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/merchants?status=Applied");
        Assert.Contains(pending.EnumerateArray(), m => m.GetProperty("merchantId").GetString() == id);
        var noReason = await admin.Http.PostAsJsonAsync($"/api/admin/merchants/{id}/review", new { approve = true, reason = " " });
        Assert.Equal("请填写原因。", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason")[0].GetString());

        var approved = await admin.Http.PostAsJsonAsync($"/api/admin/merchants/{id}/review", new { approve = true, reason = "资料齐全，现场核验通过" });
        Assert.Equal("Active", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Contains(await directory.GetMerchants(), m => m.MerchantId == id && m.Status == "Active" && m.Districts.Contains("二七区"));
        var again = await admin.Http.PostAsJsonAsync($"/api/admin/merchants/{id}/review", new { approve = false, reason = "重复审核" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var listed = await admin.Http.PostAsJsonAsync($"/api/admin/merchants/{id}/list", new { list = "black", reason = "伪造资质" });
        var view = await listed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Suspended", "Black"), (view.GetProperty("status").GetString(), view.GetProperty("listed").GetString()));
        Assert.Contains(await directory.GetMerchants(), m => m.MerchantId == id && m.Status == "Suspended");
        var ranked = DispatchRanking.Rank("hourly", "二七区",
            (await directory.GetMerchants()).Select(m => new MerchantCandidate(m.MerchantId, m.Status, m.Categories, m.Districts, m.CreditScore, m.OpenOrders,
                m.Capacity, 0.8)), new HashSet<string>());
        Assert.Contains(ranked.Skipped, s => s.MerchantId == id && s.Reason == "status:Suspended");

        // Residents no longer find it; the call center does, with its listing, to tell a caller why it gets no orders.
        using var resident = new HttpClient { BaseAddress = Web.BaseAddress };
        Assert.DoesNotContain(id, await resident.GetStringAsync("/api/merchants"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.GetAsync("/api/merchants/all")).StatusCode);
        using var agent = await WebSession.SignIn(Web, "agent1");
        var seen = (await agent.Http.GetFromJsonAsync<JsonElement>("/api/merchants/all")).EnumerateArray().Single(m => m.GetProperty("merchantId").GetString() == id);
        Assert.Equal(("Suspended", "Black"), (seen.GetProperty("status").GetString(), seen.GetProperty("listed").GetString()));

        var history = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/merchants/{id}/history");
        Assert.Equal(
            [("Applied", "Active", "资料齐全，现场核验通过", "admin:admin"), ("Active", "Active", "listed:black 伪造资质", "admin:admin"),
             ("Active", "Suspended", "listed:black", "admin:admin")],
            history.EnumerateArray().Select(h => (h.GetProperty("from").GetString(), h.GetProperty("to").GetString(), h.GetProperty("reason").GetString(),
                h.GetProperty("actor").GetString())));
        Assert.Equal("Suspended", await _deployment.Scalar<string>("SELECT status FROM merchant WHERE id = $1", id));
        // The applicant heard of the approval by SMS; the suspension waits in the merchant's inbox.
        Assert.Equal("merchant.approved", await _deployment.Scalar<string>(
            "SELECT template FROM notification_outbox WHERE channel = 'sms' AND recipient_id = '13712345678' AND params->>'merchantId' = $1", id));
        Assert.Equal("listed:black", await _deployment.Scalar<string>(
            "SELECT params->>'reason' FROM notification_outbox WHERE recipient_kind = 'merchant' AND recipient_id = $1 AND template = 'merchant.status.suspended'", id));
    }

    [Fact]
    public async Task Documents_are_uploaded_checked_by_their_first_bytes_and_claimed_by_one_application_only()
    {
        using var anonymous = new HttpClient { BaseAddress = Web.BaseAddress };
        async Task<HttpResponseMessage> Upload(byte[] bytes, string name, string type)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new(type);
            form.Add(file, "file", name);
            return await anonymous.PostAsync("/api/merchant-applications/documents", form);
        }

        // An executable renamed to .pdf with a PDF content type is refused by what it is; so is anything over 5 MB.
        var disguised = await Upload([0x4D, 0x5A, 0x90, 0x00, 1, 2, 3], "营业执照.pdf", "application/pdf");
        Assert.Equal("文件只能是 PDF、JPEG 或 PNG。",
            (await disguised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());
        var huge = await Upload([.. "%PDF-1.7\n"u8.ToArray(), .. new byte[5 * 1024 * 1024]], "big.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(0L, await _deployment.Scalar<long>("SELECT count(*) FROM uploaded_file"));

        // A PDF header must be followed by a PDF that opens and runs nothing by itself; a PNG header by a picture (HTML behind
        // one is not a picture).
        var garbage = await Upload(TestDocuments.UnparseablePdf(), "营业执照.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal("文件看似 PDF，但无法作为 PDF 打开。",
            (await garbage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());
        var script = TestDocuments.Pdf(catalogue: " /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>");
        var scripted = await Upload(script, "营业执照.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.BadRequest, scripted.StatusCode);
        Assert.Equal("文件含有脚本、自动动作或附件，请上传不含这些内容的 PDF。",
            (await scripted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());
        var html = await Upload([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "<html><script>alert(1)</script></html>"u8], "许可证.png", "image/png");
        Assert.Equal("文件看似 JPEG 或 PNG，但无法读取为图片。",
            (await html.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(0L, await _deployment.Scalar<long>("SELECT count(*) FROM uploaded_file"));

        var uploaded = await Upload(TestDocuments.MinimalPdf("营业执照"), "营业执照.pdf", "application/octet-stream");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var file = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
        var fileId = file.GetProperty("fileId").GetGuid();
        Assert.Equal(TestDocuments.MinimalPdf("营业执照"), await _deployment.Scalar<byte[]>("SELECT content FROM uploaded_file WHERE id = $1", fileId)); // as uploaded

        object WithFile(string code) => new
        {
            name = "郑州好帮手家政服务有限公司", creditCode = code, legalPerson = "周敏", contactName = "周敏", contactPhone = "13712345678",
            address = "金水区农业路 20 号", district = "金水区", categories = new[] { "hourly" }, districts = new[] { "金水区" },
            documents = new[] { new { kind = "business-licence", name = "营业执照.pdf", fileId } },
        };
        var applied = await anonymous.PostAsJsonAsync("/api/merchant-applications", WithFile("91410100MA48QWE3LW"));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var id = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("merchantId").GetString();
        Assert.Equal(id, await _deployment.Scalar<string>("SELECT claimed_by FROM uploaded_file WHERE id = $1", fileId));

        // The same file on a second application (another company) is refused: it belongs to the first.
        var again = await anonymous.PostAsJsonAsync("/api/merchant-applications", WithFile("91410100MA47HUP2KU"));
        Assert.Equal("资质文件中有未上传或已被其他申请使用的文件。",
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("documents")[0].GetString());
    }

    [Fact]
    public async Task A_picture_with_html_behind_it_is_kept_re_encoded_and_unclaimed_uploads_go_after_the_setting()
    {
        using var anonymous = new HttpClient { BaseAddress = Web.BaseAddress };
        var bytes = (byte[])[.. TestPhotos.PhonePng(), .. "<html><script>alert(1)</script></html>"u8];
        using var form = TestPhotos.Form(bytes, "经营许可证.png", "image/png");
        var uploaded = await anonymous.PostAsync("/api/merchant-applications/documents", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var fresh = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileId").GetGuid();
        var stored = System.Text.Encoding.ASCII.GetString((await _deployment.Scalar<byte[]>("SELECT content FROM uploaded_file WHERE id = $1", fresh))!);
        Assert.Equal("PNG", stored[1..4]);
        Assert.DoesNotContain("<script", stored);
        Assert.DoesNotContain("GPS", stored);

        // Two days old: one no application claimed, one claimed; and the fresh one. The sweep takes only the first.
        var old = await _deployment.Scalar<Guid>("""
            INSERT INTO uploaded_file (purpose, file_name, content_type, size_bytes, sha256, content, uploaded_at)
            VALUES ('merchant-application', 'old.pdf', 'application/pdf', 1, '', '\x25'::bytea, now() - interval '2 days') RETURNING id
            """);
        var claimed = await _deployment.Scalar<Guid>("""
            INSERT INTO uploaded_file (purpose, file_name, content_type, size_bytes, sha256, content, uploaded_at, claimed_by)
            VALUES ('merchant-application', 'kept.pdf', 'application/pdf', 1, '', '\x25'::bytea, now() - interval '2 days', 'M999') RETURNING id
            """);
        await using var db = Npgsql.NpgsqlDataSource.Create(_deployment.ConnectionString);
        var sweeper = new HomeService.Silo.Hosting.UnclaimedUploadSweeper(db, new(TimeSpan.FromDays(1), TimeSpan.FromHours(1)),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<HomeService.Silo.Hosting.UnclaimedUploadSweeper>.Instance);
        Assert.Equal(1, await sweeper.Sweep());
        Assert.Equal(0L, await _deployment.Scalar<long>("SELECT count(*) FROM uploaded_file WHERE id = $1", old));
        Assert.Equal(1L, await _deployment.Scalar<long>("SELECT count(*) FROM uploaded_file WHERE id = $1", claimed));
        Assert.Equal(1L, await _deployment.Scalar<long>("SELECT count(*) FROM uploaded_file WHERE id = $1", fresh));
    }
}
