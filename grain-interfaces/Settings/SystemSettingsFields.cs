namespace HomeService.Settings;

/// <summary>
/// The numeric settings' names, in the order pages list them, and the range each may take (part of the contract, like the
/// record). The duty phone, the one text setting, follows them as <see cref="DutyPhone"/>.
/// </summary>
public static class SystemSettingsFields
{
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Ranges = new Dictionary<string, (int, int)>
    {
        ["dispatchSlaMinutes"] = (5, 1440),
        ["completionGraceHours"] = (1, 72),
        ["acceptTimeoutMinutes"] = (1, 240),
        ["maxOfferAttempts"] = (1, 10),
        ["followUpDelayHours"] = (1, 720),
        ["creditThreshold"] = (0, 100),
        ["daysBelowToWarn"] = (1, 365),
        ["graceDays"] = (1, 365),
        ["earlyCheckInMinutes"] = (0, 2880),
    };

    public const string DutyPhone = "dutyPhone";

    public static IEnumerable<(string Field, int Value)> Values(SystemSettings s) =>
    [
        ("dispatchSlaMinutes", s.DispatchSlaMinutes), ("completionGraceHours", s.CompletionGraceHours), ("acceptTimeoutMinutes", s.AcceptTimeoutMinutes),
        ("maxOfferAttempts", s.MaxOfferAttempts), ("followUpDelayHours", s.FollowUpDelayHours), ("creditThreshold", s.CreditThreshold),
        ("daysBelowToWarn", s.DaysBelowToWarn), ("graceDays", s.GraceDays), ("earlyCheckInMinutes", s.EarlyCheckInMinutes),
    ];
}
