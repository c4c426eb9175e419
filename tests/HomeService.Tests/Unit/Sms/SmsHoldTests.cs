using HomeService.Sms;

namespace HomeService.Tests.Unit.Sms;

/// <summary>Quiet hours and the per-number windows, on a fixed clock.</summary>
public sealed class SmsHoldTests
{
    private static DateTimeOffset Beijing(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(6, 22, 0, 7, 8)]
    [InlineData(6, 23, 59, 7, 8)]
    [InlineData(7, 0, 30, 7, 8)]
    [InlineData(7, 7, 59, 7, 8)]
    public void A_notice_in_quiet_hours_waits_for_eight_in_the_morning(int day, int hour, int minute, int heldDay, int heldHour) =>
        Assert.Equal(Beijing(heldDay, heldHour), SmsQuietHours.Default.HoldUntil(SmsUrgency.Notice, Beijing(day, hour, minute)));

    [Theory]
    [InlineData(8, 0)]
    [InlineData(12, 0)]
    [InlineData(21, 59)]
    public void Outside_quiet_hours_nothing_waits(int hour, int minute) =>
        Assert.Null(SmsQuietHours.Default.HoldUntil(SmsUrgency.Marketing, Beijing(6, hour, minute)));

    [Fact]
    public void A_code_or_an_expiring_offer_goes_at_three_in_the_morning()
    {
        Assert.Null(SmsQuietHours.Default.HoldUntil(SmsUrgency.Now, Beijing(7, 3)));
        Assert.Equal(SmsUrgency.Now, SmsTemplates.Find("verification.code")!.Urgency);
        Assert.Equal(SmsUrgency.Now, SmsTemplates.Find("order.offered")!.Urgency);
        Assert.Equal(SmsUrgency.Notice, SmsTemplates.Find("member.order.completed")!.Urgency);
    }

    [Fact]
    public void A_quiet_window_inside_one_day_is_honoured_too() =>
        Assert.Equal(Beijing(6, 14), new SmsQuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0)).HoldUntil(SmsUrgency.Notice, Beijing(6, 13)));

    [Fact]
    public void A_second_code_within_a_minute_waits_for_the_minute_to_pass()
    {
        var now = Beijing(6, 10, 0);
        Assert.Null(new SmsFlowLimits().NotBefore("verification.code", [], now));
        Assert.Equal(now.AddSeconds(40), new SmsFlowLimits().NotBefore("verification.code", [now.AddSeconds(-20)], now));
    }

    [Fact]
    public void A_sixth_code_in_an_hour_waits_until_the_oldest_of_the_five_is_an_hour_old()
    {
        var now = Beijing(6, 10, 0);
        DateTimeOffset[] five = [now.AddMinutes(-50), now.AddMinutes(-40), now.AddMinutes(-30), now.AddMinutes(-20), now.AddMinutes(-10)];
        Assert.Equal(now.AddMinutes(10), new SmsFlowLimits().NotBefore("verification.code", five, now));
    }

    [Fact]
    public void An_eleventh_code_in_a_day_waits_for_the_day_window_and_notices_have_their_own_daily_fifty()
    {
        var now = Beijing(6, 20, 0);
        var ten = Enumerable.Range(1, 10).Select(i => now.AddHours(-i * 2)).ToList();
        Assert.Equal(ten[9].AddDays(1), new SmsFlowLimits().NotBefore("verification.code", ten, now));
        Assert.Null(new SmsFlowLimits().NotBefore("member.order.accepted", ten, now));
        var fifty = Enumerable.Range(1, 50).Select(i => now.AddMinutes(-i)).ToList();
        Assert.Equal(fifty[49].AddDays(1), new SmsFlowLimits().NotBefore("member.order.accepted", fifty, now));
    }

    [Fact]
    public void The_same_text_to_a_number_waits_thirty_seconds_a_different_one_does_not()
    {
        var now = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(8));
        (DateTimeOffset, string)[] sent = [(now.AddSeconds(-10), "您的订单WO1已改约"), (now.AddSeconds(-40), "您的订单WO2已改约")];
        Assert.Equal(now.AddSeconds(20), SmsFlowLimits.SameTextNotBefore("您的订单WO1已改约", sent, now));
        Assert.Null(SmsFlowLimits.SameTextNotBefore("您的订单WO2已改约", sent, now));
        Assert.Null(SmsFlowLimits.SameTextNotBefore("您的订单WO3已改约", sent, now));
    }
}
