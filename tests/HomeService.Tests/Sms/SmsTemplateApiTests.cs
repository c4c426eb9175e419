using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.SmsSim;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Sms;

/// <summary>
/// A deployment on Alibaba Cloud with Tencent Cloud as failover (each under its own sign name), where merchant.rejected
/// has no Alibaba Cloud code and complaint.filed has none at all: a configuration an operator must be told about.
/// </summary>
public sealed class SmsTemplateDeployment : IAsyncLifetime
{
    public const string TencentSignName = "郑州市家政服务网络中心";

    public SmsSimHost Providers { get; private set; } = null!;
    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb Web => Deployment.WebHosts[0];

    public async Task InitializeAsync()
    {
        Providers = await LocalSmsProviders.Start();
        Providers.Tencent.SignNames.Add(TencentSignName);
        var settings = LocalSmsProviders.Settings(Providers);
        settings["HomeService:Sms:Tencent:SignName"] = TencentSignName;
        settings["HomeService:Sms:SiteUrl"] = "https://jz.example.cn";
        settings.Remove("HomeService:Sms:Templates:merchant.rejected:aliyun");
        settings.Remove("HomeService:Sms:Templates:complaint.filed:aliyun");
        settings.Remove("HomeService:Sms:Templates:complaint.filed:tencent");
        Deployment = await TestDeployment.Start(silos: 1, webHosts: 1, settings);
    }

    public async Task DisposeAsync()
    {
        await Deployment.DisposeAsync();
        await Providers.DisposeAsync();
    }
}

/// <summary>What an admin learns from /api/admin/sms/templates: which kinds a provider cannot send, and how a value of their own reads on a phone.</summary>
public sealed class SmsTemplateApiTests(SmsTemplateDeployment fixture) : IClassFixture<SmsTemplateDeployment>
{
    private static JsonElement Kind(JsonElement overview, string kind) =>
        overview.GetProperty("templates").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == kind);

    private static List<string?> Codes(JsonElement kind) =>
        kind.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("templateCode").GetString()).ToList();

    [Fact]
    public async Task An_admin_sees_every_kind_with_its_code_per_provider_and_a_kind_no_provider_can_send_is_flagged()
    {
        using var admin = await WebSession.SignIn(fixture.Web, "admin");
        var overview = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/sms/templates");

        Assert.Equal([("aliyun", LocalSmsProviders.SignName, false), ("tencent", SmsTemplateDeployment.TencentSignName, true)],
            overview.GetProperty("providers").EnumerateArray()
                .Select(p => (p.GetProperty("provider").GetString(), p.GetProperty("signName").GetString(), p.GetProperty("failover").GetBoolean())));
        Assert.Equal(HomeService.Sms.SmsTemplates.All.Count, overview.GetProperty("templates").GetArrayLength());

        var complaint = Kind(overview, "complaint.filed");
        Assert.False(complaint.GetProperty("sendable").GetBoolean());
        Assert.Equal([null, null], Codes(complaint));
        Assert.Equal(["complaint.filed"], overview.GetProperty("templates").EnumerateArray()
            .Where(t => !t.GetProperty("sendable").GetBoolean()).Select(t => t.GetProperty("kind").GetString()));

        var rejected = Kind(overview, "merchant.rejected");
        Assert.True(rejected.GetProperty("sendable").GetBoolean()); // through the failover only
        Assert.Equal([null, LocalSmsProviders.TencentTemplate("merchant.rejected")], Codes(rejected));

        var code = Kind(overview, "verification.code");
        Assert.Equal([LocalSmsProviders.AliyunTemplate("verification.code"), LocalSmsProviders.TencentTemplate("verification.code")], Codes(code));
        Assert.Equal(("now", false, false), (code.GetProperty("urgency").GetString(), code.GetProperty("heldByQuietHours").GetBoolean(),
            code.GetProperty("stoppedByOptOut").GetBoolean()));
        Assert.Equal("【郑州家政】您的验证码为386025，5分钟内有效。如非本人操作，请忽略本短信。", code.GetProperty("sample").GetProperty("text").GetString());

        // The longest message is counted under each provider's own sign name: Tencent Cloud's is seven characters longer.
        var longest = code.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("longestLength").GetInt32()).ToArray();
        Assert.Equal(SmsTemplateDeployment.TencentSignName.Length - LocalSmsProviders.SignName.Length, longest[1] - longest[0]);

        var setup = Kind(overview, "account.setup-link").GetProperty("sample").GetProperty("text").GetString()!;
        Assert.Contains("https://jz.example.cn/account/setup?token=m1001.", setup);
        var notice = Kind(overview, "group.notice");
        Assert.Equal(("marketing", true), (notice.GetProperty("urgency").GetString(), notice.GetProperty("stoppedByOptOut").GetBoolean()));
    }

    [Fact]
    public async Task A_preview_with_a_long_value_is_cut_as_the_sender_cuts_it_and_its_parts_counted()
    {
        using var admin = await WebSession.SignIn(fixture.Web, "admin");
        var response = await admin.Http.PostAsJsonAsync("/api/admin/sms/templates/consultation.reply/preview",
            new { values = new Dictionary<string, string> { ["orderNo"] = "WO20261207000042", ["text"] = new string('请', 150) } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"【郑州家政】您的咨询WO20261207000042已答复：{new string('请', 79)}…", preview.GetProperty("text").GetString());
        Assert.Equal((110, 2), (preview.GetProperty("length").GetInt32(), preview.GetProperty("segments").GetInt32()));
        Assert.Equal(["text"], preview.GetProperty("cutParams").EnumerateArray().Select(p => p.GetString()));

        // Values not given read as the made-up ones.
        var sample = await (await admin.Http.PostAsJsonAsync("/api/admin/sms/templates/member.order.en-route/preview", new { values = new { } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("【郑州家政】您的订单WO20261207000123的服务人员王*已出发，请保持电话畅通。", sample.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_preview_of_no_such_kind_is_not_found_and_bad_values_are_named_at_their_field_in_the_callers_language()
    {
        using var admin = await WebSession.SignIn(fixture.Web, "admin");
        var missing = await admin.Http.PostAsJsonAsync("/api/admin/sms/templates/order.exploded/preview", new { values = new { } });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var unknown = await admin.Http.PostAsJsonAsync("/api/admin/sms/templates/verification.code/preview",
            new { values = new Dictionary<string, string> { ["colour"] = "红", ["code"] = "12\t34" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("参数“colour”不存在。", errors.GetProperty("values.colour")[0].GetString());
        Assert.Equal("验证码含有不允许的字符。", errors.GetProperty("values.code")[0].GetString());

        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var longLink = await admin.Http.PostAsJsonAsync("/api/admin/sms/templates/account.setup-link/preview",
            new { values = new Dictionary<string, string> { ["link"] = "https://jz.example.cn/" + new string('x', 100) } });
        Assert.Equal(HttpStatusCode.BadRequest, longLink.StatusCode);
        var problem = await longLink.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:homeservice:problem:validation", problem.GetProperty("type").GetString());
        Assert.Equal("Link must be at most 110 characters.", problem.GetProperty("errors").GetProperty("values.link")[0].GetString());
    }
}
