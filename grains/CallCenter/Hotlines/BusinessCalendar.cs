namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// What kind of day a date is, by the official holiday calendar: a day in a holiday range is a holiday (even a weekday:
/// 国庆节 on a Wednesday is closed like a Sunday); a make-up working day (调休上班) is a workday although it is a
/// Saturday or Sunday; otherwise Monday to Friday are workdays and the weekend is rest. Years not entered are plain weeks.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly Dictionary<DateOnly, DayRule> _special = new();

    public BusinessCalendar(IEnumerable<HolidayYear> years)
    {
        var all = years.ToList();
        foreach (var range in all.SelectMany(y => y.Holidays))
            for (var d = range.From; d <= range.To; d = d.AddDays(1))
                _special[d] = new DayRule(d, DayRule.Holiday, "holiday", range.Name);
        // A make-up day never lies in a range (the rules refuse it); were it to, working it is what the notice means.
        foreach (var day in all.SelectMany(y => y.Workdays))
            _special[day.Date] = new DayRule(day.Date, DayRule.Workday, "make-up", day.Name);
    }

    public DayRule Classify(DateOnly date) =>
        _special.TryGetValue(date, out var special) ? special
        : date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? new DayRule(date, DayRule.RestDay, "weekend")
        : new DayRule(date, DayRule.Workday, "weekday");
}

/// <summary>Asia/Shanghai: UTC+8 all year (China has had no daylight saving time since 1991), where every hour of the center is told.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Offset);

    public static DateOnly Date(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    public static TimeOnly Time(DateTimeOffset at) => TimeOnly.FromDateTime(Local(at).DateTime);
}
