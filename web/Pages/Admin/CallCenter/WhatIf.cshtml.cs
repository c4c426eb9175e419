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
/// 路由推演 ("what happens if"): for a number, a day and a time (Asia/Shanghai), optionally a caller and the keys they press,
/// the exact path an offered call takes: the same code a real call runs (see GET /api/admin/routing/what-if).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class WhatIfModel(HotlineReader reader, HotlineCommands commands, TimeProvider clock, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Dialled { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? Time { get; set; }
    [BindProperty(SupportsGet = true)] public string? Caller { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keys { get; set; }

    public IReadOnlyList<HotlineReader.HotlineRow> Hotlines { get; private set; } = [];
    public RoutingWhatIf? Answer { get; private set; }
    public Dictionary<string, string> Errors { get; } = new();

    public async Task OnGet()
    {
        Hotlines = await reader.Hotlines();
        var now = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        if (string.IsNullOrWhiteSpace(Dialled))
        {
            (Date, Time) = (Date ?? now.ToString("yyyy-MM-dd"), Time ?? now.ToString("HH:mm"));
            return;
        }
        var at = $"{(string.IsNullOrWhiteSpace(Date) ? now.ToString("yyyy-MM-dd") : Date.Trim())}T{(string.IsNullOrWhiteSpace(Time) ? now.ToString("HH:mm") : Time.Trim())}";
        var outcome = await commands.WhatIf(Dialled, at, Caller, null, Keys);
        if (outcome.Succeeded) Answer = outcome.Value;
        else foreach (var (field, codes) in outcome.Errors!) Errors[field == "at" ? "date" : field] = text.Validation(field, codes[0], "whatif");
    }

    public string Name(string dialled) => Hotlines.FirstOrDefault(h => h.Dialled == dialled)?.Name ?? "";

    /// <summary>"2025-02-08 周六 10:00" in the page's language.</summary>
    public string Moment(DateTimeOffset local) =>
        $"{local:yyyy-MM-dd} {text[$"hotline.weekday.{(int)local.DayOfWeek}"]} {local:HH:mm}";

    /// <summary>Why the day is what it is: "调休上班日（春节）", "法定节假日：国庆节", "周末", "工作日".</summary>
    public string Day(DayRule day) => day.Name is { } name ? text.Format($"hotline.day.source.{day.Source}", name) : text[$"hotline.day.source.{day.Source}"];
}
