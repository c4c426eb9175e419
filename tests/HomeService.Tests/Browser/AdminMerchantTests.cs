using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HomeService.Credit;
using HomeService.WorkOrders;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// Admission from both sides in a real browser: a company applies on the public page (商户加盟申请) and learns its
/// number; the admin finds it among the applications, approves it with a reason, and later black-lists it, which
/// suspends it at once.
/// </summary>
public sealed class AdminMerchantTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task A_company_applies_online_and_the_admin_approves_it_then_black_lists_it() => InBrowser(async session =>
    {
        // 1. From the home page to the application form, without an account.
        var company = await session.Open(Web, "applicant");
        await Go(company, "/");
        await company.Locator("#join-link").ClickAsync();
        await IsOn(company, "/join");
        var form = company.Locator("#join-form");
        await Expect(form).ToHaveAttributeAsync("data-ready", "true");

        await form.Locator("[name='name']").FillAsync("郑州好帮手家政服务有限公司");
        await form.Locator("[name='creditCode']").FillAsync("91410100MA48QWE3LX"); // last character wrong
        await form.Locator("[name='legalPerson']").FillAsync("周敏");
        await form.Locator("[name='contactName']").FillAsync("周敏");
        await form.Locator("[name='contactPhone']").FillAsync("13712345678");
        await form.Locator("[name='address']").FillAsync("金水区农业路 20 号");
        await form.Locator("[name='district']").FillAsync("金水区");
        await form.Locator("input[name='categories'][value='hourly']").CheckAsync();
        await form.Locator("input[name='categories'][value='home-clean']").CheckAsync();
        await form.Locator("[name='districts']").FillAsync("金水区，二七区");
        var document = form.Locator(".document-row").First;
        await document.Locator(".doc-kind").SelectOptionAsync("business-licence");
        await document.Locator(".doc-file").SetInputFilesAsync(new FilePayload
        {
            Name = "营业执照.pdf", MimeType = "application/pdf", Buffer = TestDocuments.MinimalPdf("营业执照 91410100MA48QWE3LW"),
        });
        await Expect(document.Locator(".doc-status")).ToHaveTextAsync("已上传：营业执照.pdf");
        await Expect(document.Locator(".doc-name")).ToHaveValueAsync("营业执照");
        await company.Locator("#join-add-document").ClickAsync();
        var permit = form.Locator(".document-row").Nth(1);
        await permit.Locator(".doc-kind").SelectOptionAsync("service-permit");
        await permit.Locator(".doc-valid-until").FillAsync("2028-06-30");
        await permit.Locator(".doc-file").SetInputFilesAsync(new FilePayload { Name = "经营许可证.png", MimeType = "image/png", Buffer = TinyPng });
        await Expect(permit.Locator(".doc-status")).ToHaveTextAsync("已上传：经营许可证.png");

        // 2. The wrong check character is named next to its field, in Chinese, and nothing is recorded.
        var before = await Deployment.Scalar<long>("SELECT count(*) FROM merchant");
        await form.Locator("#join-submit").ClickAsync();
        await Expect(form.Locator(".field-error[data-field='creditCode']")).ToHaveTextAsync("统一社会信用代码有误：校验位不符，请核对。");
        await Expect(form.Locator("[name='creditCode']")).ToBeFocusedAsync();
        await Expect(form.Locator(".field-error[data-field='contactPhone']")).ToBeHiddenAsync();
        await Expect(company.Locator("#join-done")).ToBeHiddenAsync();
        Assert.Equal(before, await Deployment.Scalar<long>("SELECT count(*) FROM merchant"));

        // 3. Corrected, the application goes in: the company sees its number and that the result comes by SMS.
        await form.Locator("[name='creditCode']").FillAsync("91410100MA48QWE3LW");
        await form.Locator("#join-submit").ClickAsync();
        await Expect(company.Locator("#join-done")).ToBeVisibleAsync();
        await Expect(company.Locator("#join-merchant-id")).ToHaveTextAsync(new Regex(@"^M\d+$"));
        var id = await company.Locator("#join-merchant-id").TextContentAsync() ?? "";
        await Expect(company.Locator("#join-sms")).ToHaveTextAsync("审核结果将以短信发送到 13712345678。");
        await Expect(form).ToBeHiddenAsync();
        Assert.Equal(id, await Deployment.Scalar<string>(
            "SELECT claimed_by FROM uploaded_file WHERE file_name = '营业执照.pdf' AND claimed_by IS NOT NULL"));

        // 4. The admin finds it among the applications (the tab the page opens on) and opens it.
        var admin = await session.Open(Web, "admin");
        await SignIn(admin, "admin");
        await IsOn(admin, "/admin");
        await Expect(admin.Locator("#dashboard-link")).ToBeVisibleAsync();
        await admin.Locator("#admin-menu a[data-section='merchants']").ClickAsync();
        await IsOn(admin, "/admin/merchants");
        var panel = admin.Locator("#merchants-panel");
        await Expect(panel).ToHaveAttributeAsync("data-ready", "true");
        await Expect(admin.Locator("#status-tabs .tab[aria-selected='true']")).ToHaveTextAsync("待审核");
        var row = admin.Locator($"#merchants tr[data-merchant='{id}']");
        await Expect(row.Locator(".name")).ToHaveTextAsync("郑州好帮手家政服务有限公司");
        await Expect(row.Locator(".status")).ToHaveTextAsync("待审核");
        await Expect(row.Locator(".credit-code")).ToHaveTextAsync("91410100MA48QWE3LW");
        await row.Locator("button.open").ClickAsync();
        var detail = admin.Locator("#merchant-detail");
        await Expect(detail).ToHaveAttributeAsync("data-ready", "true");
        await Expect(admin.Locator("#detail-id")).ToHaveTextAsync(id);
        await Expect(admin.Locator("#list-form")).ToBeHiddenAsync();

        // 4a. Before deciding, the admin reads everything the company submitted: the form and its documents, viewable in the page.
        var application = admin.Locator("#application");
        await Expect(application.Locator("#app-name")).ToHaveTextAsync("郑州好帮手家政服务有限公司");
        await Expect(application.Locator("#app-creditCode")).ToHaveTextAsync("91410100MA48QWE3LW");
        await Expect(application.Locator("#app-legalPerson")).ToHaveTextAsync("周敏");
        await Expect(application.Locator("#app-phone")).ToHaveTextAsync("13712345678");
        await Expect(application.Locator("#app-address")).ToHaveTextAsync("金水区农业路 20 号");
        await Expect(application.Locator("#app-districts")).ToHaveTextAsync("金水区，二七区");
        await Expect(application.Locator("#app-categories")).ToContainTextAsync("钟点工");
        var licence = application.Locator(".app-document[data-kind='business-licence']");
        await Expect(licence.Locator(".doc-kind")).ToHaveTextAsync("营业执照");
        // The PDF opens in the page's viewer when asked, and folds away again before the decision.
        var pdf = licence.Locator("iframe.doc-pdf");
        await Expect(pdf).ToHaveCountAsync(0);
        await licence.Locator("button.doc-view").ClickAsync();
        await Expect(pdf).ToBeVisibleAsync();
        await Expect(licence.Locator("button.doc-view")).ToHaveTextAsync("收起");
        var pdfUrl = await pdf.GetAttributeAsync("src") ?? "";
        var pdfResponse = await admin.APIRequest.GetAsync(pdfUrl);
        Assert.Equal(200, pdfResponse.Status);
        Assert.Equal("application/pdf", pdfResponse.Headers["content-type"]);
        Assert.StartsWith("inline", pdfResponse.Headers["content-disposition"]);
        Assert.Contains("营业执照 91410100MA48QWE3LW", Encoding.UTF8.GetString(await pdfResponse.BodyAsync()));
        await licence.Locator("button.doc-view").ClickAsync();
        await Expect(pdf).ToHaveCountAsync(0);
        await Expect(licence.Locator("button.doc-view")).ToHaveTextAsync("在页面中查看");
        var permitShown = application.Locator(".app-document[data-kind='service-permit']");
        await Expect(permitShown.Locator(".doc-valid")).ToContainTextAsync("2028-06-30");
        var image = permitShown.Locator("img.doc-image");
        await Expect(image).ToBeVisibleAsync();
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 1);
        // The documents are for admins only: the applicant's own browser (no sign-in) is refused.
        Assert.NotEqual(200, (await company.APIRequest.GetAsync(pdfUrl, new() { MaxRedirects = 0 })).Status);

        // 5. Approving needs a reason; with one, the merchant is active and leaves the list of applications.
        var review = admin.Locator("#review-form");
        await review.Locator("#review-approve").ClickAsync();
        await Expect(review.Locator(".field-error[data-field='reason']")).ToHaveTextAsync("请填写原因。");
        await Expect(admin.Locator("#detail-status")).ToHaveTextAsync("待审核");
        await review.Locator("[name='reason']").FillAsync("资料齐全，现场核验通过");
        await review.Locator("#review-approve").ClickAsync();
        await Expect(admin.Locator("#detail-status")).ToHaveTextAsync("正常");
        await Expect(review).ToBeHiddenAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(admin.Locator("#merchant-history li").Last).ToContainTextAsync("待审核 → 正常 · 资料齐全，现场核验通过");

        await admin.Locator("#status-tabs .tab[data-status='Active']").ClickAsync();
        await Expect(panel).ToHaveAttributeAsync("data-filter", "Active");
        await Expect(row.Locator(".status")).ToHaveTextAsync("正常");

        // 6. Black-listed with a reason, it is suspended at once: gone from the active merchants, shown under 已暂停.
        var list = admin.Locator("#list-form");
        await list.Locator("[name='list']").SelectOptionAsync("black");
        await list.Locator("[name='reason']").FillAsync("伪造资质");
        await list.Locator("#list-save").ClickAsync();
        await Expect(admin.Locator("#detail-status")).ToHaveTextAsync("已暂停");
        await Expect(admin.Locator("#detail-listed")).ToHaveTextAsync("黑名单");
        await Expect(row).ToHaveCountAsync(0);
        await admin.Locator("#status-tabs .tab[data-status='Suspended']").ClickAsync();
        await Expect(panel).ToHaveAttributeAsync("data-filter", "Suspended");
        await Expect(row.Locator(".status")).ToHaveTextAsync("已暂停");
        await Expect(row.Locator(".listed")).ToHaveTextAsync("黑名单");
        await Expect(admin.Locator("#merchant-history")).ToContainTextAsync("黑名单 伪造资质");
        Assert.Equal("Suspended", await Deployment.Scalar<string>("SELECT status FROM merchant WHERE id = $1", id));

        Assert.Empty(session.ScriptErrors(company));
        Assert.Empty(session.ScriptErrors(admin));
    });

    [Fact]
    public Task The_admin_honours_a_merchant_with_the_red_list_then_suspends_and_resumes_it_with_reasons() => InBrowser(async session =>
    {
        var admin = await session.Open(Web, "admin");
        await SignIn(admin, "admin");
        await IsOn(admin, "/admin");
        await Go(admin, "/admin/merchants");
        await Expect(admin.Locator("#merchants-panel")).ToHaveAttributeAsync("data-ready", "true");
        await admin.Locator("#status-tabs .tab[data-status='Active']").ClickAsync();
        await Expect(admin.Locator("#merchants-panel")).ToHaveAttributeAsync("data-filter", "Active");
        var row = admin.Locator("#merchants tr[data-merchant='M001']");
        await row.Locator("button.open").ClickAsync();
        await Expect(admin.Locator("#merchant-detail")).ToHaveAttributeAsync("data-ready", "true");

        // 1. The page says what the lists mean, and that the 安心码's red is another scale.
        var list = admin.Locator("#list-form");
        await Expect(list.Locator("#list-lead")).ToContainTextAsync("红名单是诚信荣誉");
        await Expect(list.Locator("#list-safety-note")).ToContainTextAsync("安心码");

        // 2. On the red list (an honour) the merchant keeps taking orders, and dispatch ranks it higher.
        await list.Locator("[name='list']").SelectOptionAsync("red");
        await list.Locator("[name='reason']").FillAsync("连续三年零投诉");
        await list.Locator("#list-save").ClickAsync();
        await Expect(admin.Locator("#detail-listed")).ToHaveTextAsync("红名单");
        await Expect(admin.Locator("#detail-status")).ToHaveTextAsync("正常");
        await Expect(row.Locator(".listed")).ToHaveTextAsync("红名单");
        await Expect(admin.Locator("#merchant-history")).ToContainTextAsync("红名单 连续三年零投诉");
        var directory = await Deployment.Silos[0].Grains.GetGrain<IDispatchDirectoryGrain>(0).GetMerchants();
        Assert.True(directory.Single(m => m.MerchantId == "M001").Honoured);
        Assert.Equal("Active", await Deployment.Scalar<string>("SELECT status FROM merchant WHERE id = 'M001'"));

        // 3. 暂停接单 needs a reason; with one, the merchant is suspended and the history says why.
        var suspend = admin.Locator("#suspend-form");
        await suspend.Locator("#suspend-save").ClickAsync();
        await Expect(suspend.Locator(".field-error[data-field='reason']")).ToHaveTextAsync("请填写原因。");
        await Expect(admin.Locator("#detail-status")).ToHaveTextAsync("正常");
        await suspend.Locator("[name='reason']").FillAsync("消防检查不合格，停业整改");
        await suspend.Locator("#suspend-save").ClickAsync();
        await Expect(admin.Locator("#detail-status")).ToHaveTextAsync("已暂停");
        await Expect(suspend).ToBeHiddenAsync();
        await Expect(admin.Locator("#merchant-history li").Last).ToContainTextAsync("正常 → 已暂停 · 消防检查不合格，停业整改");

        // 4. Resumed with a reason, it takes orders again.
        var suspension = admin.Locator("#suspension-form");
        await suspension.Locator("[name='reason']").FillAsync("整改完成，复查合格");
        await suspension.Locator("#suspension-reinstate").ClickAsync();
        await Expect(admin.Locator("#detail-status")).ToHaveTextAsync("正常");
        await Expect(admin.Locator("#merchant-history li").Last).ToContainTextAsync("已暂停 → 正常 · 整改完成，复查合格");

        // 5. Each action is in the audit log with the admin's name.
        Assert.Equal("merchant.list,merchant.resume,merchant.suspend", await Deployment.Scalar<string>(
            "SELECT string_agg(action, ',' ORDER BY action) FROM audit_log WHERE target_kind = 'merchant' AND target_id = 'M001' AND actor = 'admin:admin'"));
        Assert.Empty(session.ScriptErrors(admin));
    });

    [Fact]
    public Task A_new_application_appears_in_the_admins_review_list_without_a_reload() => InBrowser(async session =>
    {
        var admin = await session.Open(Web, "admin");
        await SignIn(admin, "admin");
        await IsOn(admin, "/admin");
        await Go(admin, "/admin/merchants");
        await Expect(admin.Locator("#merchants-panel")).ToHaveAttributeAsync("data-ready", "true");
        await LiveConnectionIsUp(admin);
        await admin.EvaluateAsync("() => { window.stillThisPage = true; }");

        // A company applies from its own office.
        using var company = WebSession.Anonymous(Web);
        var applied = await company.Http.PostAsJsonAsync("/api/merchant-applications", new
        {
            name = "郑州安居家政服务有限公司", creditCode = "91410100MA48QWE3LW", legalPerson = "李静", contactName = "李静", contactPhone = "13712345679",
            address = "二七区大学路 8 号", district = "二七区", categories = new[] { "hourly" }, districts = new[] { "二七区" }, documents = Array.Empty<object>(),
        });
        Assert.True(applied.IsSuccessStatusCode, await applied.Content.ReadAsStringAsync());
        var id = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("merchantId").GetString();

        // It shows on the admin's open page, in the list of applications, and the page was not reloaded.
        var row = admin.Locator($"#merchants tr[data-merchant='{id}']");
        await Expect(row.Locator(".name")).ToHaveTextAsync("郑州安居家政服务有限公司");
        await Expect(row.Locator(".status")).ToHaveTextAsync("待审核");
        Assert.True(await admin.EvaluateAsync<bool>("() => window.stillThisPage === true"));
        Assert.Empty(session.ScriptErrors(admin));
    });

    /// <summary>A 1×1 PNG, as a scanned permit would be.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public Task An_english_speaking_applicant_reads_the_form_and_its_field_problems_in_english() => InBrowser(async session =>
    {
        var company = await session.Open(Web, "applicant", locale: "en-US");
        await Go(company, "/join");
        var form = company.Locator("#join-form");
        await Expect(form).ToHaveAttributeAsync("data-ready", "true");
        await Expect(company.Locator("#page-title")).ToHaveTextAsync("Merchant application");
        await Expect(form.Locator("label:has(input[name='categories'][value='hourly'])")).ToHaveTextAsync("Hourly helper");

        await form.Locator("[name='contactPhone']").FillAsync("12");
        await form.Locator("#join-submit").ClickAsync();
        await Expect(form.Locator(".field-error[data-field='contactPhone']")).ToHaveTextAsync("Contact phone is not in the expected format.");
        await Expect(form.Locator(".field-error[data-field='categories']")).ToHaveTextAsync("Service categories is required.");
        await Expect(form.Locator(".field-error[data-field='name']")).ToBeVisibleAsync();
        await Expect(company.Locator("#join-done")).ToBeHiddenAsync();
        Assert.Equal(0L, await Deployment.Scalar<long>("SELECT count(*) FROM merchant WHERE status = 'Applied'"));
        Assert.Empty(session.ScriptErrors(company));
    });

    [Fact]
    public Task The_admin_grants_a_merchants_appeal_against_an_upheld_complaint_with_a_reason() => InBrowser(async session =>
    {
        // An upheld complaint against M001 costs it points; M001 appeals the penalty.
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        using var supervisor = await WebSession.SignIn(Web, "supervisor");
        var complaint = await agent.Http.PostAsJsonAsync("/api/complaints",
            new { contactPhone = "13612345678", againstMerchantId = "M001", severity = "high", description = "保洁不彻底" });
        var complaintNo = (await complaint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
        Assert.True((await agent.Http.PostAsJsonAsync($"/api/orders/{complaintNo}/assign", new { party = "merchant:M001" })).IsSuccessStatusCode);
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{complaintNo}/respond", new { text = "已返工" })).IsSuccessStatusCode);
        Assert.True((await supervisor.Http.PostAsJsonAsync($"/api/orders/{complaintNo}/verdict", new { upheld = true, reason = "属实" })).IsSuccessStatusCode);
        await Deployment.Silos[0].Grains.GetGrain<ICreditProjectorGrain>(0).CatchUp();
        var credit = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/credit");
        var penaltyId = credit.GetProperty("changes").EnumerateArray().First(c => c.GetProperty("reason").GetString() == "ComplaintSerious")
            .GetProperty("source").GetString()!;
        Assert.True((await merchant.Http.PostAsJsonAsync("/api/merchant/credit/appeals", new { penaltyId })).IsSuccessStatusCode);

        // The admin opens M001 (an active merchant) and sees the open appeal.
        var admin = await session.Open(Web, "admin");
        await SignIn(admin, "admin");
        await IsOn(admin, "/admin");
        await admin.Locator("#card-merchants").ClickAsync();
        await IsOn(admin, "/admin/merchants");
        await Expect(admin.Locator("#merchants-panel")).ToHaveAttributeAsync("data-ready", "true");
        await admin.Locator("#status-tabs .tab[data-status='Active']").ClickAsync();
        await Expect(admin.Locator("#merchants-panel")).ToHaveAttributeAsync("data-filter", "Active");
        await admin.Locator("#merchants tr[data-merchant='M001'] button.open").ClickAsync();
        await Expect(admin.Locator("#merchant-detail")).ToHaveAttributeAsync("data-ready", "true");
        var appeal = admin.Locator($"#appeals li[data-penalty='{penaltyId}']");
        await Expect(appeal.Locator(".appeal-what")).ToContainTextAsync("投诉成立（严重）");

        // Granting needs a reason; with one, the appeal is closed and the credit shows it granted.
        await appeal.Locator(".appeal-grant").ClickAsync();
        await Expect(appeal.Locator(".field-error[data-field='reason']")).ToHaveTextAsync("请填写原因。");
        await appeal.Locator("[name='reason']").FillAsync("证据不足");
        await appeal.Locator(".appeal-grant").ClickAsync();
        await Expect(appeal).ToHaveCountAsync(0);
        await Expect(admin.Locator("#appeals-empty")).ToBeVisibleAsync();
        await Expect(admin.Locator("#credit-changes li").First).ToHaveAttributeAsync("data-reason", "AppealGranted");
        Assert.Empty(session.ScriptErrors(admin));
    });
}
