using HomeService.Sms;
using HomeService.Sms.TemplateDesk;

namespace HomeService.Tests.Unit.Sms;

/// <summary>What the templates page tells an admin: which provider has a code for each kind, what its urgency means, and a believable preview.</summary>
public sealed class SmsTemplateCatalogueTests
{
    private static readonly SmsProviderSign[] AliyunThenTencent = [new("aliyun", "郑州家政", false), new("tencent", "郑州市家政服务网络中心", true)];

    /// <summary>Every kind has a code at both providers, except as <paramref name="missing"/> says.</summary>
    private static SmsOptions Configured(params (string Kind, string Provider)[] missing)
    {
        var options = new SmsOptions { Provider = "aliyun", Failover = "tencent", SiteUrl = "https://jz.example.cn" };
        foreach (var t in SmsTemplates.All)
            options.Templates[t.Kind] = new[] { "aliyun", "tencent" }.Where(p => !missing.Contains((t.Kind, p)))
                .ToDictionary(p => p, p => $"{p}-{t.Kind}");
        return options;
    }

    private static SmsTemplateView Kind(SmsTemplateOverview overview, string kind) => overview.Templates.Single(t => t.Kind == kind);

    [Fact]
    public void A_kind_without_a_code_at_the_primary_goes_only_through_the_failover_and_one_without_any_code_cannot_be_sent()
    {
        var overview = SmsTemplateCatalogue.Overview(AliyunThenTencent,
            Configured(("merchant.rejected", "aliyun"), ("complaint.filed", "aliyun"), ("complaint.filed", "tencent")));

        Assert.Equal(SmsTemplates.All.Select(t => t.Kind), overview.Templates.Select(t => t.Kind));
        var rejected = Kind(overview, "merchant.rejected");
        Assert.Equal([("aliyun", null), ("tencent", "tencent-merchant.rejected")], rejected.Providers.Select(p => (p.Provider, p.TemplateCode)));
        Assert.True(rejected.Sendable);
        var complaint = Kind(overview, "complaint.filed");
        Assert.All(complaint.Providers, p => Assert.Null(p.TemplateCode));
        Assert.False(complaint.Sendable);
        Assert.Single(overview.Templates, t => !t.Sendable);
        Assert.Equal("aliyun-verification.code", Kind(overview, "verification.code").Providers[0].TemplateCode);
    }

    [Fact]
    public void The_development_provider_takes_every_kind_by_its_own_name()
    {
        var overview = SmsTemplateCatalogue.Overview([new("development", "家政服务中心", false)], new SmsOptions());
        Assert.All(overview.Templates, t => Assert.Equal(t.Kind, Assert.Single(t.Providers).TemplateCode));
        Assert.All(overview.Templates, t => Assert.True(t.Sendable));
    }

    [Fact]
    public void Urgency_says_whether_quiet_hours_hold_a_kind_and_whether_an_opt_out_stops_it()
    {
        var overview = SmsTemplateCatalogue.Overview(AliyunThenTencent, Configured());
        Assert.Equal("22:00–08:00", overview.QuietHours);
        Assert.Equal(("now", false, false), Meaning(Kind(overview, "verification.code")));
        Assert.Equal(("notice", true, false), Meaning(Kind(overview, "member.order.accepted")));
        Assert.Equal(("marketing", true, true), Meaning(Kind(overview, "group.notice")));

        // Quiet hours that start when they end are none: nothing is held.
        var always = Configured();
        always.QuietStart = always.QuietEnd = new TimeOnly(0, 0);
        var noQuiet = SmsTemplateCatalogue.Overview(AliyunThenTencent, always);
        Assert.Null(noQuiet.QuietHours);
        Assert.All(noQuiet.Templates, t => Assert.False(t.HeldByQuietHours));
        Assert.True(Kind(noQuiet, "group.notice").StoppedByOptOut);
    }

    private static (string, bool, bool) Meaning(SmsTemplateView t) => (t.Urgency, t.HeldByQuietHours, t.StoppedByOptOut);

    [Fact]
    public void The_longest_message_is_counted_under_each_providers_own_sign_name()
    {
        var reply = Kind(SmsTemplateCatalogue.Overview(AliyunThenTencent, Configured()), "consultation.reply");
        var template = SmsTemplates.Find("consultation.reply")!;
        Assert.Equal(template.LongestLength("郑州家政"), reply.Providers[0].LongestLength);
        Assert.Equal(template.LongestLength("郑州市家政服务网络中心"), reply.Providers[1].LongestLength);
        Assert.Equal(reply.Providers[1].LongestLength - reply.Providers[0].LongestLength, "郑州市家政服务网络中心".Length - "郑州家政".Length);
        Assert.All(reply.Providers, p => Assert.Equal(SmsSegments.Count(p.LongestLength), p.LongestSegments));
    }

    [Fact]
    public void Every_placeholder_has_a_made_up_value_that_fits_so_each_sample_reads_whole_under_the_primary_sign_name()
    {
        var options = Configured();
        var overview = SmsTemplateCatalogue.Overview(AliyunThenTencent, options);
        foreach (var t in overview.Templates)
        {
            Assert.All(t.Params, p =>
            {
                Assert.NotEqual(p.Name, p.Example);
                Assert.True(p.Example.EnumerateRunes().Count() <= p.MaxLength, $"{t.Kind}: {p.Name} sample is longer than {p.MaxLength}");
            });
            Assert.StartsWith("【郑州家政】", t.Sample.Text);
            Assert.DoesNotContain("${", t.Sample.Text);
            Assert.Empty(t.Sample.CutParams);
            Assert.Equal(t.Sample.Text.EnumerateRunes().Count(), t.Sample.Length);
            Assert.True(t.Sample.Segments <= SmsTemplates.MaxSegments);
        }
        Assert.Equal("【郑州家政】您的验证码为386025，5分钟内有效。如非本人操作，请忽略本短信。", Kind(overview, "verification.code").Sample.Text);
        Assert.Contains("服务人员王师傅的证件", Kind(overview, "worker.certificate-expiring").Sample.Text);
        Assert.EndsWith("请于12月7日 10:30前设置密码：https://jz.example.cn/account/setup?token=m1001.ExampleOnly-NotARealSecret-ExampleOnly-0000",
            Kind(overview, "account.setup-link").Sample.Text);
        Assert.EndsWith("欢迎评价：https://jz.example.cn/member", Kind(overview, "member.order.completed").Sample.Text);
    }
}
