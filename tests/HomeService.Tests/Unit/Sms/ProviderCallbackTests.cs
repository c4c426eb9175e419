using System.Text.Json;
using HomeService.Web.Sms;

namespace HomeService.Tests.Unit.Sms;

public sealed class ProviderCallbackTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void Alibaba_Cloud_reports_read_with_their_out_id_outcome_and_Beijing_time()
    {
        var reports = ProviderCallbacks.Reports("aliyun", Json("""
            [{"phone_number":"13512349004","send_time":"2026-12-06 10:00:00","report_time":"2026-12-06 10:00:05","success":true,"err_code":"DELIVERED","err_msg":"用户接收成功","sms_size":"1","biz_id":"932702304080415357^0","out_id":"0f8c"},
             {"phone_number":"8613512349005","report_time":"2026-12-06 10:01:00","success":false,"err_code":"MK:0001","biz_id":"1^0"}]
            """));
        Assert.Equal(2, reports.Count);
        Assert.Equal(("0f8c", "932702304080415357^0", "13512349004", true), (reports[0].OutId, reports[0].MessageId, reports[0].Phone, reports[0].Delivered));
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 2, 0, 5, TimeSpan.Zero), reports[0].At);
        Assert.Equal(("13512349005", false, "MK:0001"), (reports[1].Phone, reports[1].Delivered, reports[1].Code));
    }

    [Fact]
    public void Tencent_Cloud_reports_and_replies_read_by_serial_number_and_mobile()
    {
        var report = Assert.Single(ProviderCallbacks.Reports("tencent", Json("""
            [{"user_receive_time":"2026-12-06 08:03:04","nationcode":"86","mobile":"13512349006","report_status":"FAIL","errmsg":"MN:0017","description":"空号","sid":"2019:-4787548545"}]
            """)));
        Assert.Equal(("2019:-4787548545", false, "MN:0017", "空号"), (report.MessageId, report.Delivered, report.Code, report.Description));
        var reply = Assert.Single(ProviderCallbacks.Replies("tencent", Json("""{"extend":"","mobile":"13512349006","nationcode":"86","sign":"郑州家政","text":"TD","time":1765000000}"""),
            DateTimeOffset.UnixEpoch));
        Assert.Equal(("13512349006", "TD", DateTimeOffset.FromUnixTimeSeconds(1765000000)), (reply.Phone, reply.Text, reply.At));
    }

    [Fact]
    public void A_reply_or_report_with_a_character_the_database_cannot_hold_is_kept_with_it_replaced()
    {
        // A NUL in a reply answered 500: the provider pushed it again and again, and the resident's reply was never kept.
        var reply = Assert.Single(ProviderCallbacks.Replies("aliyun", Json("""
            [{"phone_number":"13512349007","send_time":"2026-12-06 10:00:00","content":"4\u0000\u202e好"}]
            """), DateTimeOffset.UnixEpoch));
        Assert.Equal("4\uFFFD\uFFFD好", reply.Text);
        var report = Assert.Single(ProviderCallbacks.Reports("tencent", Json("""
            [{"mobile":"13512349007","report_status":"FAIL","errmsg":"MN:\u0001","description":"空号\u0000","sid":"2019:\u2066"}]
            """)));
        Assert.Equal(("MN:\uFFFD", "空号\uFFFD", "2019:\uFFFD"), (report.Code, report.Description, report.MessageId));
    }

    [Theory]
    [InlineData("TD", true)]
    [InlineData(" td ", true)]
    [InlineData("ＴＤ", true)]
    [InlineData("T", true)]
    [InlineData("r", true)]
    [InlineData("退订", true)]
    [InlineData("拒收", true)]
    [InlineData("TDD", false)]
    [InlineData("谢谢", false)]
    public void Unsubscribe_replies_are_recognised_in_any_case_width_and_spacing(string text, bool unsubscribe) =>
        Assert.Equal(unsubscribe, SmsReplyRules.IsUnsubscribe(text));

    [Theory]
    [InlineData("4", 4)]
    [InlineData(" ５ ", 5)]
    [InlineData("1。", 1)]
    [InlineData("0", null)]
    [InlineData("6", null)]
    [InlineData("45", null)]
    public void A_follow_up_score_is_one_digit_from_one_to_five(string text, int? score) => Assert.Equal(score, SmsReplyRules.Score(text));
}
