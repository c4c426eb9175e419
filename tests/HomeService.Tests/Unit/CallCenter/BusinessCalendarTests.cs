using HomeService.CallCenter;
using HomeService.CallCenter.Hotlines;

namespace HomeService.Tests.Unit.CallCenter;

/// <summary>
/// The official holiday calendar's rules (the State Council's 2025 notice): a make-up working weekend (调休上班) is a
/// workday, a holiday on a weekday is a holiday, other days follow the week; and the hours that then apply, in Asia/Shanghai.
/// </summary>
public sealed class BusinessCalendarTests
{
    public static readonly HolidayYear Year2025 = new(2025,
        [
            new("元旦", D(2025, 1, 1), D(2025, 1, 1)), new("春节", D(2025, 1, 28), D(2025, 2, 4)), new("劳动节", D(2025, 5, 1), D(2025, 5, 5)),
            new("国庆节、中秋节", D(2025, 10, 1), D(2025, 10, 8)),
        ],
        [new(D(2025, 1, 26), "春节"), new(D(2025, 2, 8), "春节"), new(D(2025, 4, 27), "劳动节"), new(D(2025, 9, 28), "国庆节、中秋节"),
         new(D(2025, 10, 11), "国庆节、中秋节")]);

    /// <summary>2023's notice: 元旦 from 2022-12-31 to 2023-01-02, a range entered with the year it ends in.</summary>
    private static readonly HolidayYear Year2023 = new(2023, [new("元旦", D(2022, 12, 31), D(2023, 1, 2))], []);

    private readonly BusinessCalendar _calendar = new([Year2025, Year2023]);

    [Fact]
    public void A_make_up_saturday_is_a_workday_named_after_its_holiday()
    {
        var day = _calendar.Classify(D(2025, 2, 8));
        Assert.Equal(DayOfWeek.Saturday, day.Date.DayOfWeek);
        Assert.Equal((DayRule.Workday, "make-up", "春节"), (day.Kind, day.Source, day.Name));
        Assert.Equal((DayRule.Workday, "make-up"), (_calendar.Classify(D(2025, 1, 26)).Kind, _calendar.Classify(D(2025, 1, 26)).Source)); // a Sunday
    }

    [Fact]
    public void A_public_holiday_on_a_weekday_is_a_holiday()
    {
        var day = _calendar.Classify(D(2025, 10, 1));
        Assert.Equal(DayOfWeek.Wednesday, day.Date.DayOfWeek);
        Assert.Equal((DayRule.Holiday, "holiday", "国庆节、中秋节"), (day.Kind, day.Source, day.Name));
        Assert.Equal(DayRule.Holiday, _calendar.Classify(D(2025, 10, 8)).Kind); // the range's last day counts
        Assert.Equal(DayRule.Holiday, _calendar.Classify(D(2025, 10, 4)).Kind); // and a weekend inside it is a holiday too
    }

    [Fact]
    public void Other_days_follow_the_week()
    {
        Assert.Equal((DayRule.RestDay, "weekend"), Kind(D(2025, 2, 15))); // an ordinary Saturday
        Assert.Equal((DayRule.Workday, "weekday"), Kind(D(2025, 10, 9))); // the day after the national holiday
        Assert.Equal((DayRule.Workday, "weekday"), Kind(D(2027, 10, 1))); // a year nobody entered: a plain Friday
    }

    [Fact]
    public void A_range_that_starts_in_december_of_the_year_before_counts_on_those_days()
    {
        Assert.Equal(DayRule.Holiday, _calendar.Classify(D(2022, 12, 31)).Kind);
        Assert.Equal(DayRule.Holiday, _calendar.Classify(D(2023, 1, 2)).Kind);
        Assert.Equal(DayRule.Workday, _calendar.Classify(D(2023, 1, 3)).Kind);
    }

    [Theory]
    [InlineData("2025-02-08T01:59:00Z", false)] // 09:59 Beijing on the make-up Saturday: before the workday hours
    [InlineData("2025-02-08T02:00:00Z", true)]  // 10:00: open as on any workday
    [InlineData("2025-02-08T09:59:59Z", true)]
    [InlineData("2025-02-08T10:00:00Z", false)] // 18:00: closed (the end is exclusive)
    [InlineData("2025-02-15T02:00:00Z", false)] // an ordinary Saturday, rest-day hours: closed
    [InlineData("2025-10-01T02:00:00Z", false)] // 国庆 on a Wednesday: holiday hours, closed
    [InlineData("2025-10-09T02:00:00Z", true)]
    [InlineData("2025-02-07T16:30:00Z", true)]  // 00:30 Beijing on Saturday the 8th is the make-up day's early opening (UTC is still the 7th)
    public void The_hours_of_the_kind_of_day_decide_open_or_closed_in_beijing_time(string utc, bool open)
    {
        var settings = Settings(workday: "10:00-18:00,00:00-01:00", restDay: "", holiday: "");
        var at = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var entry = HotlineDoor.Admit("037166670", new HotlineVersion("037166670", 1, settings, "t", at), "13812345678", null,
            _calendar.Classify(ChinaTime.Date(at)), at);
        Assert.Equal(open, entry.Open);
        Assert.Equal(open ? EntryOutcomes.Queue : EntryOutcomes.Voicemail, entry.Outcome);
    }

    [Theory]
    [InlineData("08:00-20:00", "08:00-20:00")]
    [InlineData(" 08:00 - 12:00，13:30-17:30 ", "08:00-12:00,13:30-17:30")]
    [InlineData("13:30~17:30、8:00-12:00", "08:00-12:00,13:30-17:30")]
    [InlineData("00:00-24:00", "00:00-24:00")]
    [InlineData("", "")]
    public void Hours_are_read_as_people_write_them_and_kept_in_one_form(string text, string stored) =>
        Assert.Equal(stored, BusinessHours.Normalize(text));

    [Theory]
    [InlineData("20:00-08:00")]       // across midnight: two spans on two days instead
    [InlineData("08:00-12:00,11:00-13:00")]
    [InlineData("08:00-24:30")]
    [InlineData("8点到20点")]
    [InlineData("08:00-08:00")]
    public void Hours_that_are_not_hours_are_refused(string text) => Assert.Null(BusinessHours.Parse(text));

    [Fact]
    public void A_year_with_a_make_up_weekday_overlapping_ranges_or_a_day_off_year_is_refused_by_field()
    {
        var bad = new HolidayYear(2025,
            [new("春节", D(2025, 1, 28), D(2025, 2, 4)), new("重叠", D(2025, 2, 3), D(2025, 2, 5)), new("", D(2025, 6, 1), D(2025, 5, 31)),
             new("太远", D(2027, 1, 1), D(2027, 1, 2))],
            [new(D(2025, 2, 10), "周一"), new(D(2025, 2, 1), "在假期里"), new(D(2025, 2, 8), "春节"), new(D(2025, 2, 8), "重复")]);
        var errors = HolidayYearRules.Validate(bad);
        Assert.Equal("holiday-overlap", errors["holidays[1].from"][0]);
        Assert.Equal("required", errors["holidays[2].name"][0]);
        Assert.Equal("before-from", errors["holidays[2].to"][0]);
        Assert.Equal("not-in-year", errors["holidays[3].from"][0]);
        Assert.Equal("not-weekend", errors["workdays[0].date"][0]);
        Assert.Equal("in-holiday", errors["workdays[1].date"][0]);
        Assert.False(errors.ContainsKey("workdays[2].date"));
        Assert.Equal("duplicate", errors["workdays[3].date"][0]);
        Assert.Empty(HolidayYearRules.Validate(Year2025));
    }

    [Fact]
    public void Blacklisted_callers_then_withheld_ones_are_turned_away_before_the_hours()
    {
        var settings = Settings("00:00-24:00", "00:00-24:00", "00:00-24:00") with { BlockWithheld = true, BlockedMessage = "" };
        var at = new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.FromHours(8));
        var hotline = new HotlineVersion("037166670", 1, settings, "t", at);
        var day = _calendar.Classify(ChinaTime.Date(at));
        var block = new BlacklistEntry("13812345678", "骚扰电话", D(2025, 3, 31), "admin:admin", at);
        var blocked = HotlineDoor.Admit("037166670", hotline, "13812345678", block, day, at);
        Assert.Equal((EntryOutcomes.Blocked, "骚扰电话", HotlineDoor.DefaultBlockedMessage), (blocked.Outcome, blocked.BlockReason, blocked.Say));
        Assert.Equal(EntryOutcomes.Withheld, HotlineDoor.Admit("037166670", hotline, "anonymous", null, day, at).Outcome);
        Assert.Equal(EntryOutcomes.Queue, HotlineDoor.Admit("037166670", hotline with { Settings = settings with { BlockWithheld = false } }, "anonymous",
            null, day, at).Outcome);
        // A number never configured is open at all hours, even on a holiday.
        var holiday = new DateTimeOffset(2025, 10, 1, 3, 0, 0, TimeSpan.FromHours(8));
        Assert.True(HotlineDoor.Admit("037100001", null, "13812345678", null, _calendar.Classify(ChinaTime.Date(holiday)), holiday).Open);
    }

    private static HotlineSettings Settings(string workday, string restDay, string holiday) =>
        new("测试热线", false, [new RouteRule("", "service", 0)], workday, restDay, holiday, ClosedActions.Voicemail, "", null, "", false);

    private (string, string) Kind(DateOnly date) => (_calendar.Classify(date).Kind, _calendar.Classify(date).Source);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);
}
