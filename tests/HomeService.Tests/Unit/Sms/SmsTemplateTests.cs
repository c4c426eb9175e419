using HomeService.Sms;

namespace HomeService.Tests.Unit.Sms;

public sealed class SmsTemplateTests
{
    [Fact]
    public void Every_kind_at_its_longest_fits_the_segment_limit_under_a_ten_character_sign_name()
    {
        foreach (var t in SmsTemplates.All)
        {
            var segments = SmsSegments.Count(t.LongestLength("一二三四五六七八九十"));
            Assert.True(segments <= SmsTemplates.MaxSegments, $"{t.Kind} can cost {segments} parts");
        }
    }

    [Fact]
    public void A_value_longer_than_its_placeholder_allows_is_cut_with_an_ellipsis_so_the_message_cannot_grow()
    {
        var reply = SmsTemplates.Find("consultation.reply")!;
        var values = reply.Values(new Dictionary<string, string> { ["orderNo"] = "WO20261206000001", ["text"] = new string('好', 200) });
        Assert.Equal(80, values[1].Length);
        Assert.EndsWith("…", values[1]);
        Assert.True(reply.Render(new Dictionary<string, string> { ["orderNo"] = "WO1", ["text"] = values[1] }).Length
            <= reply.LongestLength("") - "【】".Length);
    }

    [Fact]
    public void Values_follow_the_placeholders_order_for_positional_providers_and_unknown_kinds_are_not_found()
    {
        var offer = SmsTemplates.Find("order.offered")!;
        var values = offer.Values(new Dictionary<string, string> { ["expiresAt"] = "12月7日 15:00", ["orderNo"] = "WO1", ["district"] = "金水区" });
        Assert.Equal(["WO1", "", "金水区", "", "12月7日 15:00"], values);
        Assert.Null(SmsTemplates.Find("order.exploded"));
    }

    [Fact]
    public void Times_show_in_Beijing_time_categories_by_name_links_with_the_site_and_the_log_masks_the_code()
    {
        var composer = new SmsComposer("https://jz.example.cn/");
        var values = composer.Values("""{"orderNo":"WO1","category":"home-clean","windowStart":"2026-12-07T06:00:00+00:00","link":"/account/setup?t=x","code":"123456","minutes":5}""",
            categoryNow: "家庭保洁"); // as the outbox claim reads it from the catalogue

        Assert.Equal("家庭保洁", values["category"]);
        Assert.Equal("12月7日 14:00", values["windowStart"]);
        Assert.Equal("https://jz.example.cn/account/setup?t=x", values["link"]);
        Assert.Equal("5", values["minutes"]);
        var code = SmsTemplates.Find("verification.code")!;
        Assert.StartsWith("您的验证码为123456，5分钟内有效", code.Render(values));
        Assert.StartsWith("您的验证码为******，5分钟内有效", SmsComposer.LoggedText(code, values));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(8, 256)]
    [InlineData(9, 300)]
    [InlineData(20, 300)]
    public void Retries_back_off_doubling_up_to_five_minutes(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SmsRetryPolicy.Backoff(attempts));
}
