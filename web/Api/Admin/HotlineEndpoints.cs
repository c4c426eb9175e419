using System.Globalization;
using System.Security.Claims;
using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>
/// 话务配置 · hotline numbers, their hours and the holiday calendar, and the "what happens if" routing tool. Admins only.
/// Every save is a new version (full content), applied to the next call; a revert is a new version with the previous content.
/// </summary>
public static class HotlineEndpoints
{
    public sealed record HotlineDetail(HotlineVersion Current, IReadOnlyList<HotlineReader.VersionRow> Versions);

    public sealed record YearDetail(HolidayYearVersion Current, IReadOnlyList<HotlineReader.VersionRow> Versions);

    public static RouteGroupBuilder MapHotlineEndpoints(this RouteGroupBuilder api)
    {
        var hotlines = api.MapGroup("/admin/hotlines").RequireAuthorization(Policies.Admin).WithTags("Back office: call center");
        hotlines.MapGet("/", (HotlineReader reader) => reader.Hotlines()).WithSummary("Hotline numbers and their current settings");
        hotlines.MapGet("/{dialled}", GetHotline).WithSummary("A hotline number's settings and its versions");
        hotlines.MapPut("/{dialled}", SaveHotline)
            .WithSummary("Create a hotline number or save a new version of its settings")
            .WithDescription("dialled: digits (3-20) or web-callback. Body: name; ivrAnswers (the platform IVR answers calls without a choice "
                + "when the number has a flow); routes [{choice (\"\" = none, else 0-9*# up to 8), queueId, priority 0-10}] with one route "
                + "without a choice; workdayHours, restDayHours, holidayHours (\"08:00-12:00,13:30-17:30\", \"00:00-24:00\", \"\" = closed); "
                + "closedAction message|voicemail|overflow, closedMessage, overflowTo (digits); blockedMessage; blockWithheld; baseVersion "
                + "(refused as stale when another version came first). Applies to the next call. See docs/telephony.md.");
        hotlines.MapPost("/{dialled}/revert", RevertHotline).WithSummary("Revert a hotline to its previous version (as a new version)");

        var calendar = api.MapGroup("/admin/calendar").RequireAuthorization(Policies.Admin).WithTags("Back office: call center");
        calendar.MapGet("/", (HotlineReader reader) => reader.Years()).WithSummary("Years of the holiday calendar entered");
        calendar.MapGet("/{year}", GetYear).WithSummary("One year of the holiday calendar and its versions");
        calendar.MapPut("/{year}", SaveYear)
            .WithSummary("Enter or change one year of the official holiday calendar")
            .WithDescription("holidays [{name, from, to}] (dates yyyy-MM-dd; ranges of at most 31 days that do not overlap) and workdays "
                + "[{date, name}] (调休上班: weekend days worked, outside every range). A make-up working day routes as a workday, a holiday "
                + "on a weekday as a holiday.");
        calendar.MapPost("/{year}/revert", RevertYear).WithSummary("Revert a year to its previous version (as a new version)");

        api.MapGet("/admin/routing/what-if", WhatIf).RequireAuthorization(Policies.Admin).WithTags("Back office: call center")
            .WithSummary("What happens if a call comes in")
            .WithDescription("dialled (required); at: an instant with an offset, or a local time yyyy-MM-ddTHH:mm in Asia/Shanghai (default now); "
                + "caller (digits, or anonymous); ivrChoice (a choice made at the switch); keys pressed in the platform IVR, one per menu, "
                + "separated by spaces (- for silence). Answers with the path an offered call takes by the same code: each number's "
                + "entry (blacklist, kind of day and rule, hours, open or closed, IVR root menu or queue) and the IVR walk.");
        return api;
    }

    private static async Task<Results<Ok<HotlineDetail>, ProblemHttpResult>> GetHotline(string dialled, HotlineCommands commands, HotlineReader reader) =>
        await commands.Hotline(dialled) is { } current
            ? TypedResults.Ok(new HotlineDetail(current, await reader.Versions("hotline", dialled)))
            : NotFound("No such hotline number.");

    private static async Task<Results<Ok<HotlineVersion>, ValidationProblem, ProblemHttpResult>> SaveHotline(string dialled,
        HotlineCommands.HotlineBody body, ClaimsPrincipal user, HotlineCommands commands, UiText text) =>
        Answer(await commands.SaveHotline(user, dialled, body), text, "hotline");

    private static async Task<Results<Ok<HotlineVersion>, ValidationProblem, ProblemHttpResult>> RevertHotline(string dialled, ClaimsPrincipal user,
        HotlineCommands commands, UiText text) =>
        Answer(await commands.RevertHotline(user, dialled), text, "hotline");

    private static async Task<Results<Ok<YearDetail>, ProblemHttpResult>> GetYear(string year, HotlineCommands commands, HotlineReader reader) =>
        Year(year) is { } y && await commands.Year(y) is { } current
            ? TypedResults.Ok(new YearDetail(current, await reader.Versions("holiday_calendar", y.ToString(CultureInfo.InvariantCulture))))
            : NotFound("No holiday calendar for this year.");

    private static async Task<Results<Ok<HolidayYearVersion>, ValidationProblem, ProblemHttpResult>> SaveYear(string year,
        HotlineCommands.CalendarBody body, ClaimsPrincipal user, HotlineCommands commands, UiText text) =>
        Year(year) is { } y
            ? Answer(await commands.SaveYear(user, y, body), text, "calendar")
            : Problems.Validation(text, new Dictionary<string, string[]> { ["year"] = ["range:2000-2100"] }, "calendar");

    private static async Task<Results<Ok<HolidayYearVersion>, ValidationProblem, ProblemHttpResult>> RevertYear(string year, ClaimsPrincipal user,
        HotlineCommands commands, UiText text) =>
        Year(year) is { } y ? Answer(await commands.RevertYear(user, y), text, "calendar") : NotFound("No holiday calendar for this year.");

    private static async Task<Results<Ok<RoutingWhatIf>, ValidationProblem>> WhatIf(string? dialled, string? at, string? caller, string? ivrChoice,
        string? keys, HotlineCommands commands, UiText text)
    {
        var outcome = await commands.WhatIf(dialled, at, caller, ivrChoice, keys);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.Validation(text, outcome.Errors!, "whatif");
    }

    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(HotlineCommands.Outcome<T> outcome, UiText text, string context) =>
        outcome.NotFound ? NotFound("Not found.")
        : outcome.Succeeded ? TypedResults.Ok(outcome.Value!)
        : Problems.Validation(text, outcome.Errors!, context);

    /// <summary>A year in the address: 4 digits in the calendar's range, or null.</summary>
    public static int? Year(string year) =>
        year.Length == 4 && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : null;

    private static ProblemHttpResult NotFound(string title) => Problems.Status(404, ProblemTypes.NotFound, title);
}
