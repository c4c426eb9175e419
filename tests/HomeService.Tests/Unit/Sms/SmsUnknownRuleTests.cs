using HomeService.Sms;

namespace HomeService.Tests.Unit.Sms;

/// <summary>Which messages whose fate stayed unknown go once more, and through which provider.</summary>
public sealed class SmsUnknownRuleTests
{
    private static SmsOptions TwoProviders(bool tencentHasTheKind = true)
    {
        var options = new SmsOptions { Provider = "aliyun", Failover = "tencent" };
        foreach (var t in SmsTemplates.All)
            options.Templates[t.Kind] = tencentHasTheKind ? new() { ["aliyun"] = "SMS_1", ["tencent"] = "100001" } : new() { ["aliyun"] = "SMS_1" };
        return options;
    }

    [Fact]
    public void A_notice_about_the_residents_own_order_goes_again_through_the_other_provider()
    {
        Assert.Equal("tencent", SmsUnknownRule.ResendThrough("member.order.completed", "aliyun", TwoProviders(), isResend: false));
        Assert.Equal("aliyun", SmsUnknownRule.ResendThrough("member.order.completed", "tencent", TwoProviders(), isResend: false));
    }

    [Theory]
    [InlineData("verification.code")] // expired by now; the person has asked for another
    [InlineData("order.offered")]     // the offer has lapsed
    [InlineData("group.notice")]      // likely delivered; the center would pay twice
    public void A_code_an_offer_or_a_group_notice_is_left_unknown(string kind) =>
        Assert.Null(SmsUnknownRule.ResendThrough(kind, "aliyun", TwoProviders(), isResend: false));

    [Fact]
    public void A_resend_is_never_sent_a_third_time() =>
        Assert.Null(SmsUnknownRule.ResendThrough("member.order.completed", "tencent", TwoProviders(), isResend: true));

    [Fact]
    public void Without_another_provider_that_has_the_kind_approved_nothing_goes_again()
    {
        Assert.Null(SmsUnknownRule.ResendThrough("member.order.completed", "aliyun", new SmsOptions { Provider = "aliyun" }, isResend: false));
        Assert.Null(SmsUnknownRule.ResendThrough("member.order.completed", "aliyun", TwoProviders(tencentHasTheKind: false), isResend: false));
        Assert.Null(SmsUnknownRule.ResendThrough("no.such.kind", "aliyun", TwoProviders(), isResend: false));
    }
}
