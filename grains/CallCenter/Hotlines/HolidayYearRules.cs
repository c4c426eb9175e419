namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// What a year of the holiday calendar must be: named ranges of at most a month that do not overlap, and make-up
/// working days that fall on a weekend (a weekday is a workday anyway) outside every range, each day once. Dates belong to the year,
/// give or take a month at either end (元旦 may start on the 30th of December).
/// </summary>
public static class HolidayYearRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxHolidays = 20;
    public const int MaxWorkdays = 20;
    public const int MaxName = 20;
    public const int MaxRangeDays = 31;

    /// <summary>Names trimmed; the order is kept, so an error's index names the range or day as it was sent.</summary>
    public static HolidayYear Trim(HolidayYear y) => y with
    {
        Holidays = (y.Holidays ?? []).Select(h => h with { Name = (h.Name ?? "").Trim() }).ToList(),
        Workdays = (y.Workdays ?? []).Select(w => w with { Name = (w.Name ?? "").Trim() }).ToList(),
    };

    /// <summary>The year as stored: ranges and days in date order.</summary>
    public static HolidayYear Sorted(HolidayYear y) => y with
    {
        Holidays = y.Holidays.OrderBy(h => h.From).ToList(),
        Workdays = y.Workdays.OrderBy(w => w.Date).ToList(),
    };

    public static bool IsYear(int year) => year is >= MinYear and <= MaxYear;

    public static Dictionary<string, string[]> Validate(HolidayYear y)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string code) => errors.TryAdd(field, [code]);
        if (!IsYear(y.Year))
        {
            Add("year", $"range:{MinYear}-{MaxYear}");
            return errors;
        }
        var first = new DateOnly(y.Year, 1, 1).AddMonths(-1);
        var last = new DateOnly(y.Year, 12, 31).AddMonths(1);
        bool Near(DateOnly d) => d >= first && d <= last;

        if (y.Holidays.Count > MaxHolidays) Add("holidays", $"max_count:{MaxHolidays}");
        for (var i = 0; i < y.Holidays.Count && y.Holidays.Count <= MaxHolidays; i++)
        {
            var h = y.Holidays[i];
            if (h.Name.Length == 0) Add($"holidays[{i}].name", "required");
            else if (h.Name.Length > MaxName) Add($"holidays[{i}].name", $"max_length:{MaxName}");
            if (!Near(h.From)) Add($"holidays[{i}].from", "not-in-year");
            if (!Near(h.To)) Add($"holidays[{i}].to", "not-in-year");
            else if (h.To < h.From) Add($"holidays[{i}].to", "before-from");
            else if (h.To.DayNumber - h.From.DayNumber >= MaxRangeDays) Add($"holidays[{i}].to", $"range-too-long:{MaxRangeDays}");
            else if (y.Holidays.Take(i).Any(o => h.From <= o.To && o.From <= h.To)) Add($"holidays[{i}].from", "holiday-overlap");
        }

        if (y.Workdays.Count > MaxWorkdays) Add("workdays", $"max_count:{MaxWorkdays}");
        for (var i = 0; i < y.Workdays.Count && y.Workdays.Count <= MaxWorkdays; i++)
        {
            var w = y.Workdays[i];
            if (w.Name.Length > MaxName) Add($"workdays[{i}].name", $"max_length:{MaxName}");
            if (!Near(w.Date)) Add($"workdays[{i}].date", "not-in-year");
            else if (w.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) Add($"workdays[{i}].date", "not-weekend");
            else if (y.Workdays.Take(i).Any(o => o.Date == w.Date)) Add($"workdays[{i}].date", "duplicate");
            else if (y.Holidays.Any(h => w.Date >= h.From && w.Date <= h.To)) Add($"workdays[{i}].date", "in-holiday");
        }
        return errors;
    }
}
