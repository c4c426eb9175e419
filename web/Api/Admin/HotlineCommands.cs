using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using HomeService.CallCenter;
using HomeService.Identity;
using HomeService.Web.Auth;

namespace HomeService.Web.Api.Admin;

/// <summary>
/// 话务配置 (hotline side): the commands on hotline numbers, the holiday calendar and the caller blacklist, shared by
/// the admin API and the admin pages so both keep the same rules. The grains validate the content; here are the
/// request's shape (fields that must be present), who acts, and which call a block from the history is about.
/// </summary>
public sealed partial class HotlineCommands(IGrainFactory grains, TimeProvider clock)
{
    public sealed record RouteBody(string? Choice, string? QueueId, int? Priority);

    /// <summary>A hotline's settings; hours per kind of day ("08:00-20:00", "" closed all day). BaseVersion: the version edited, if known.</summary>
    public sealed record HotlineBody(string? Name, bool? IvrAnswers, IReadOnlyList<RouteBody?>? Routes, string? WorkdayHours, string? RestDayHours,
        string? HolidayHours, string? ClosedAction, string? ClosedMessage, string? OverflowTo, string? BlockedMessage, bool? BlockWithheld,
        int? BaseVersion);

    public sealed record HolidayBody(string? Name, DateOnly? From, DateOnly? To);

    public sealed record WorkdayBody(DateOnly? Date, string? Name);

    public sealed record CalendarBody(IReadOnlyList<HolidayBody?>? Holidays, IReadOnlyList<WorkdayBody?>? Workdays, int? BaseVersion);

    public sealed record Outcome<T>(T? Value, IReadOnlyDictionary<string, string[]>? Errors, bool NotFound = false)
    {
        public bool Succeeded => !NotFound && (Errors is null || Errors.Count == 0);
    }

    public static bool IsDialled(string dialled) => dialled == "web-callback" || NumberPattern().IsMatch(dialled);

    public static bool IsCallId(string callId) => CallIdPattern().IsMatch(callId);

    public async Task<HotlineVersion?> Hotline(string dialled) => IsDialled(dialled) ? await grains.GetGrain<IHotlineGrain>(dialled).Get() : null;

    public async Task<Outcome<HotlineVersion>> SaveHotline(ClaimsPrincipal admin, string dialled, HotlineBody body)
    {
        if (!IsDialled(dialled)) return Invalid<HotlineVersion>("dialled", "format");
        var missing = new Dictionary<string, string[]>();
        foreach (var (field, value) in new[] { ("workdayHours", body.WorkdayHours), ("restDayHours", body.RestDayHours), ("holidayHours", body.HolidayHours) })
            if (value is null) missing[field] = ["required"];
        if (missing.Count > 0) return new(null, missing);
        var settings = new HotlineSettings(body.Name ?? "", body.IvrAnswers ?? false,
            (body.Routes ?? []).Select(r => new RouteRule(r?.Choice ?? "", r?.QueueId ?? "", r?.Priority ?? 0)).ToList(),
            body.WorkdayHours!, body.RestDayHours!, body.HolidayHours!, body.ClosedAction ?? "", body.ClosedMessage ?? "", body.OverflowTo,
            body.BlockedMessage ?? "", body.BlockWithheld ?? false);
        var result = await grains.GetGrain<IHotlineGrain>(dialled).Save(settings, body.BaseVersion, Actor(admin));
        return new(result.Value, result.Errors);
    }

    public async Task<Outcome<HotlineVersion>> RevertHotline(ClaimsPrincipal admin, string dialled)
    {
        if (!IsDialled(dialled)) return new(null, null, NotFound: true);
        var result = await grains.GetGrain<IHotlineGrain>(dialled).Revert(Actor(admin));
        return Unknown(result.Errors, "dialled") ? new(null, null, NotFound: true) : new(result.Value, result.Errors);
    }

    public async Task<HolidayYearVersion?> Year(int year) =>
        year is >= 2000 and <= 2100 ? await grains.GetGrain<IHolidayCalendarGrain>(0).GetYear(year) : null;

    public async Task<Outcome<HolidayYearVersion>> SaveYear(ClaimsPrincipal admin, int year, CalendarBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Holidays is null) errors["holidays"] = ["required"];
        if (body.Workdays is null) errors["workdays"] = ["required"];
        var holidays = new List<HolidayRange>();
        for (var i = 0; i < (body.Holidays?.Count ?? 0); i++)
        {
            var h = body.Holidays![i];
            if (h?.From is not { } from) errors[$"holidays[{i}].from"] = ["required"];
            else if (h.To is not { } to) errors[$"holidays[{i}].to"] = ["required"];
            else holidays.Add(new HolidayRange(h.Name ?? "", from, to));
        }
        var workdays = new List<MakeUpWorkday>();
        for (var i = 0; i < (body.Workdays?.Count ?? 0); i++)
        {
            if (body.Workdays![i]?.Date is not { } date) errors[$"workdays[{i}].date"] = ["required"];
            else workdays.Add(new MakeUpWorkday(date, body.Workdays[i]!.Name ?? ""));
        }
        if (errors.Count > 0) return new(null, errors);
        var result = await grains.GetGrain<IHolidayCalendarGrain>(0).SaveYear(new HolidayYear(year, holidays, workdays), body.BaseVersion, Actor(admin));
        return new(result.Value, result.Errors);
    }

    public async Task<Outcome<HolidayYearVersion>> RevertYear(ClaimsPrincipal admin, int year)
    {
        var result = await grains.GetGrain<IHolidayCalendarGrain>(0).RevertYear(year, Actor(admin));
        return Unknown(result.Errors, "year") ? new(null, null, NotFound: true) : new(result.Value, result.Errors);
    }

    public async Task<Outcome<BlacklistVersion>> Block(ClaimsPrincipal user, string? number, string? reason, DateOnly? expiresOn, string? callId = null)
    {
        if (number is { } n && PhoneNumber.IsWithheld(n)) return Invalid<BlacklistVersion>("number", "withheld-number");
        var result = await grains.GetGrain<ICallerBlacklistGrain>(0).Block(number ?? "", reason ?? "", expiresOn, callId, Actor(user));
        return new(result.Value, result.Errors);
    }

    public async Task<Outcome<BlacklistVersion>> Unblock(ClaimsPrincipal admin, string number, string? reason)
    {
        if (await Listed(number) is null) return new(null, null, NotFound: true);
        var result = await grains.GetGrain<ICallerBlacklistGrain>(0).Unblock(number, reason ?? "", Actor(admin));
        return new(result.Value, result.Errors);
    }

    public async Task<Outcome<BlacklistVersion>> RevertBlock(ClaimsPrincipal admin, string number)
    {
        var result = await grains.GetGrain<ICallerBlacklistGrain>(0).Revert(number, Actor(admin));
        return Unknown(result.Errors, "number") ? new(null, null, NotFound: true) : new(result.Value, result.Errors);
    }

    public async Task<BlacklistVersion?> Listed(string number) =>
        number.Length <= 32 ? await grains.GetGrain<ICallerBlacklistGrain>(0).Get(PhoneNumber.Normalize(number)) : null;

    /// <summary>
    /// The call a block from the call history is about, if the user may see it: supervisors and admins any call, an agent
    /// only a call they answered (like recordings: anyone else's is as if it did not exist).
    /// </summary>
    public async Task<CallView?> CallFor(ClaimsPrincipal user, string callId)
    {
        if (!IsCallId(callId)) return null;
        var call = await grains.GetGrain<ICallGrain>(callId).Get();
        if (call.Caller.Length == 0) return null;
        if (RecordingEndpoints.IsLead(user)) return call;
        var agent = user.Find(HomeServiceClaims.AgentId);
        var answered = call.AgentId == agent
            || call.Timeline.Any(t => t.What == "answered" && t.Detail is { } d && d.StartsWith(agent + " ", StringComparison.Ordinal));
        return agent is not null && answered ? call : null;
    }

    public async Task<Outcome<BlacklistVersion>> BlockFromCall(ClaimsPrincipal user, string callId, string? reason, DateOnly? expiresOn)
    {
        if (await CallFor(user, callId) is not { } call) return new(null, null, NotFound: true);
        return await Block(user, call.Caller, reason, expiresOn, call.CallId);
    }

    /// <summary>
    /// "What happens if": <paramref name="at"/> is an instant with an offset, or a local time (yyyy-MM-ddTHH:mm) in Asia/Shanghai;
    /// none means now.
    /// </summary>
    public async Task<Outcome<RoutingWhatIf>> WhatIf(string? dialled, string? at, string? caller, string? ivrChoice, string? keys)
    {
        var errors = new Dictionary<string, string[]>();
        dialled = dialled?.Trim() ?? "";
        if (dialled.Length == 0) errors["dialled"] = ["required"];
        else if (!IsDialled(dialled) || dialled == "web-callback") errors["dialled"] = ["format"];
        var moment = string.IsNullOrWhiteSpace(at) ? clock.GetUtcNow() : Moment(at);
        if (moment is null) errors["at"] = ["format"];
        caller = caller?.Trim() ?? "";
        if (caller.Length > 0 && !PhoneNumber.IsWithheld(caller) && !CallerPattern().IsMatch(caller)) errors["caller"] = ["format"];
        ivrChoice = string.IsNullOrWhiteSpace(ivrChoice) ? null : ivrChoice.Trim();
        if (ivrChoice is not null && !ChoicePattern().IsMatch(ivrChoice)) errors["ivrChoice"] = ["format"];
        keys = keys?.Trim() ?? "";
        if (keys.Length > 200 || !KeysPattern().IsMatch(keys)) errors["keys"] = ["format"];
        if (errors.Count > 0) return new(null, errors);
        var number = PhoneNumber.IsWithheld(caller) ? PhoneNumber.Withheld : PhoneNumber.Normalize(caller);
        return new(await grains.GetGrain<IRoutingWhatIfGrain>(0).Ask(dialled, number, ivrChoice, keys, moment!.Value), null);
    }

    public static DateTimeOffset? Moment(string text)
    {
        text = text.Trim();
        string[] local = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];
        string[] instant = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        DateTimeOffset? at = DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var plain)
            ? new DateTimeOffset(plain, TimeSpan.FromHours(8))
            : DateTimeOffset.TryParseExact(text, instant, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) ? exact : null;
        return at is { Year: >= 2000 and <= 2100 } ? at : null;
    }

    /// <summary>"admin:alice" for an administrator, "supervisor:…" or "agent:…" for the staff who block from the call history.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? AccountCommands.Actor(user)
        : user.IsInRole(Roles.Supervisor) ? $"supervisor:{user.Identity!.Name}"
        : $"agent:{user.Identity!.Name}";

    private static bool Unknown(IReadOnlyDictionary<string, string[]>? errors, string field) =>
        errors is { } e && e.Count == 1 && e.TryGetValue(field, out var codes) && codes.Contains("unknown");

    private static Outcome<T> Invalid<T>(string field, string code) => new(default, new Dictionary<string, string[]> { [field] = [code] });

    [GeneratedRegex("^[0-9]{3,20}$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex CallIdPattern();

    [GeneratedRegex(@"^\+?[0-9]{3,20}$")]
    private static partial Regex CallerPattern();

    [GeneratedRegex("^[0-9*#]{1,8}$")]
    private static partial Regex ChoicePattern();

    [GeneratedRegex(@"^[0-9*#\-, ]*$")]
    private static partial Regex KeysPattern();
}
