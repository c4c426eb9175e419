namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// The rules of how a call goes in on one number, without grains or a clock: first the caller (blacklist, then a
/// withheld number on a hotline that blocks them), then the hours of the kind of day it is, then, if open, the platform
/// IVR (no choice made at the switch, the number lets it answer, a flow exists) or the route of the choice. A number
/// never configured is open at all hours.
/// </summary>
public static class HotlineDoor
{
    public const string DefaultBlockedMessage = "您好，您的号码暂时无法接通本热线。如有需要，请通过网站与我们联系。再见。";
    public const string DefaultClosedMessage = "您好，现在不是人工服务时间，请在服务时间内来电。感谢您的来电，再见。";

    /// <summary>The hours of this number on that kind of day.</summary>
    public static string HoursOf(HotlineSettings? s, DayRule day) => s is null ? BusinessHours.AllDay : day.Kind switch
    {
        DayRule.Workday => s.WorkdayHours,
        DayRule.RestDay => s.RestDayHours,
        _ => s.HolidayHours,
    };

    /// <summary>
    /// Who and when: the entry of a caller turned away (blocked, withheld, closed, voicemail, overflow), or of one let in
    /// (<see cref="EntryOutcomes.Queue"/> for now: <see cref="Answer"/> says how).
    /// </summary>
    public static HotlineEntry Admit(string dialled, HotlineVersion? hotline, string caller, BlacklistEntry? blocked, DayRule day,
        DateTimeOffset at)
    {
        var s = hotline?.Settings;
        var hours = HoursOf(s, day);
        var open = BusinessHours.At(hours, ChinaTime.Time(at)) is not null;
        var entry = new HotlineEntry(dialled, s is not null, hotline?.Version ?? 0, EntryOutcomes.Queue, ChinaTime.Local(at), day, open, hours);
        if (blocked is not null)
            return entry with { Outcome = EntryOutcomes.Blocked, Say = Text(s?.BlockedMessage, DefaultBlockedMessage), BlockReason = blocked.Reason,
                BlockedUntil = blocked.ExpiresOn };
        if (s is { BlockWithheld: true } && PhoneNumber.IsWithheld(caller))
            return entry with { Outcome = EntryOutcomes.Withheld, Say = Text(s.BlockedMessage, DefaultBlockedMessage) };
        if (open || s is null) return entry;
        return s.ClosedAction switch
        {
            ClosedActions.Overflow => entry with { Outcome = EntryOutcomes.Overflow, OverflowTo = s.OverflowTo, Say = Text(s.ClosedMessage, null) },
            ClosedActions.Voicemail => entry with { Outcome = EntryOutcomes.Voicemail, Say = Text(s.ClosedMessage, DefaultClosedMessage) },
            _ => entry with { Outcome = EntryOutcomes.Closed, Say = Text(s.ClosedMessage, DefaultClosedMessage) },
        };
    }

    /// <summary>An admitted caller: the platform IVR's root menu when it answers, else the queue of their choice.</summary>
    public static HotlineEntry Answer(HotlineEntry admitted, IvrFlowVersion? flow, string? ivrChoice, HotlineRoute route) =>
        ivrChoice is null && flow?.Definition is { Root: { } root, Menus: { } menus } && menus.TryGetValue(root, out var menu)
            ? admitted with { Outcome = EntryOutcomes.Ivr, IvrFlowVersion = flow.Version, IvrMenu = menu.Name, Route = route }
            : admitted with { Outcome = EntryOutcomes.Queue, Route = route };

    /// <summary>The route of an IVR choice: its own, else the number's default (no choice), else null.</summary>
    public static HotlineRoute? Route(HotlineSettings s, string? ivrChoice)
    {
        var rule = s.Routes.FirstOrDefault(r => r.Choice == (ivrChoice ?? "")) ?? s.Routes.FirstOrDefault(r => r.Choice.Length == 0);
        return rule is null ? null : new HotlineRoute(rule.QueueId, rule.Priority);
    }

    private static string? Text(string? configured, string? fallback) => string.IsNullOrWhiteSpace(configured) ? fallback : configured;
}
