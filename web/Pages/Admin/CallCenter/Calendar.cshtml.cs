using System.Globalization;
using System.Text;
using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>
/// 节假日日历: an admin enters each year as the State Council's notice gives it, one line per holiday range
/// ("春节 2025-01-28 2025-02-04") and one per make-up working day ("2025-02-08 春节"). Each save is a version of the year,
/// with a one-click revert to the previous one.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class CalendarModel(HotlineReader reader, HotlineCommands commands, TimeProvider clock, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Holidays { get; set; }
    [BindProperty] public string? Workdays { get; set; }
    [BindProperty] public int? BaseVersion { get; set; }
    [BindProperty(SupportsGet = true)] public int? Saved { get; set; }
    [BindProperty(SupportsGet = true)] public int? Reverted { get; set; }

    public int Shown { get; private set; }
    public HolidayYearVersion? Current { get; private set; }
    public IReadOnlyList<HotlineReader.YearRow> Years { get; private set; } = [];
    public IReadOnlyList<HotlineReader.VersionRow> Versions { get; private set; } = [];
    /// <summary>Errors by box ("holidays", "workdays", "version", "year", "revert"): each a list of sentences, line numbers first.</summary>
    public Dictionary<string, List<string>> Errors { get; } = new();

    public async Task OnGet()
    {
        await Load();
        Fill();
    }

    public async Task<IActionResult> OnPostSave()
    {
        await Load();
        var holidayLines = Lines(Holidays);
        var workdayLines = Lines(Workdays);
        var holidays = new List<HotlineCommands.HolidayBody?>();
        var workdays = new List<HotlineCommands.WorkdayBody?>();
        for (var i = 0; i < holidayLines.Count; i++)
        {
            var parts = holidayLines[i].Split([' ', '\t', '　'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && Date(parts[1]) is { } from && Date(parts[2]) is { } to) holidays.Add(new(parts[0], from, to));
            else if (parts.Length == 2 && Date(parts[1]) is { } day) holidays.Add(new(parts[0], day, day));
            else Add("holidays", i, text.Validation("holidays", "format", "calendar"));
        }
        for (var i = 0; i < workdayLines.Count; i++)
        {
            var parts = workdayLines[i].Split([' ', '\t', '　'], 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 1 && Date(parts[0]) is { } date) workdays.Add(new(date, parts.Length > 1 ? parts[1].Trim() : ""));
            else Add("workdays", i, text.Validation("workdays", "format", "calendar"));
        }
        if (Errors.Count > 0) return Page();
        var outcome = await commands.SaveYear(User, Shown, new HotlineCommands.CalendarBody(holidays, workdays, BaseVersion));
        if (outcome.Succeeded) return Redirect($"/admin/call-center/calendar?year={Shown}&saved={outcome.Value!.Version}");
        foreach (var (field, codes) in outcome.Errors!)
        {
            var m = System.Text.RegularExpressions.Regex.Match(field, @"^(holidays|workdays)\[(\d+)\]");
            var message = text.Validation(field, codes[0], "calendar");
            if (m.Success) Add(m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), message);
            else (Errors.TryGetValue(field, out var list) ? list : Errors[field] = []).Add(message);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRevert()
    {
        await Load();
        var outcome = await commands.RevertYear(User, Shown);
        if (outcome.Succeeded) return Redirect($"/admin/call-center/calendar?year={Shown}&reverted={outcome.Value!.Version}");
        Errors["revert"] = [text.Validation("year", "unknown", "calendar")];
        Fill();
        return Page();
    }

    private async Task Load()
    {
        Shown = Year is >= 2000 and <= 2100 ? Year.Value : clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        Years = await reader.Years();
        Current = await commands.Year(Shown);
        Versions = Current is null ? [] : await reader.Versions("holiday_calendar", Shown.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The boxes as the year stands: one line per range or day.</summary>
    private void Fill()
    {
        BaseVersion = Current?.Version ?? 0;
        var holidays = new StringBuilder();
        foreach (var h in Current?.Content.Holidays ?? [])
            holidays.AppendLine(h.From == h.To ? $"{h.Name} {h.From:yyyy-MM-dd}" : $"{h.Name} {h.From:yyyy-MM-dd} {h.To:yyyy-MM-dd}");
        var workdays = new StringBuilder();
        foreach (var w in Current?.Content.Workdays ?? []) workdays.AppendLine($"{w.Date:yyyy-MM-dd} {w.Name}".TrimEnd());
        (Holidays, Workdays) = (holidays.ToString(), workdays.ToString());
    }

    private void Add(string box, int line, string message) =>
        (Errors.TryGetValue(box, out var list) ? list : Errors[box] = []).Add(text.Format("hotline.calendar.line", line + 1, message));

    private static List<string> Lines(string? box) =>
        (box ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
