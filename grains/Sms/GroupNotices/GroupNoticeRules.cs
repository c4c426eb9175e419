namespace HomeService.Sms.GroupNotices;

/// <summary>
/// What makes a group notice sendable: a text that fits the approved template (the opt-out text is added to every one,
/// since a number that replied TD hears no group notices), a known group, and a time from now to a month ahead.
/// </summary>
public static class GroupNoticeRules
{
    public const string Template = "group.notice";
    public const string OptOutText = "拒收请回复R";
    public static readonly TimeSpan LongestAhead = TimeSpan.FromDays(31);

    /// <summary>The longest text an admin may write: what the approved template's variable takes.</summary>
    public static int MaxText => SmsTemplates.Find(Template)!.Params[0].MaxLength;

    public static GroupNoticeDraft Normalize(GroupNoticeDraft d) => new(
        d.Text?.Trim().ReplaceLineEndings(" ") ?? "",
        new GroupAudience(d.Audience?.Kind?.Trim().ToLowerInvariant() ?? "", Blank(d.Audience?.Category), Blank(d.Audience?.District)),
        d.SendAt);

    public static Dictionary<string, string[]> Validate(GroupNoticeDraft d, DateTimeOffset now, IReadOnlySet<string> categories, IReadOnlySet<string> districts)
    {
        var errors = new Dictionary<string, string[]>();
        if (d.Text.Length == 0) errors["text"] = ["required"];
        else if (d.Text.EnumerateRunes().Count() > MaxText) errors["text"] = [$"max_length:{MaxText}"];
        else if (d.Text.Any(char.IsControl)) errors["text"] = ["character"];
        var a = d.Audience;
        if (!GroupAudiences.All.Contains(a.Kind)) errors["audience.kind"] = ["unknown"];
        if (a.Category is { } category && (a.Kind == GroupAudiences.Members || !categories.Contains(category))) errors["audience.category"] = ["unknown"];
        if (a.District is { } district && (a.Kind != GroupAudiences.Merchants || !districts.Contains(district))) errors["audience.district"] = ["unknown"];
        if (d.SendAt is { } at && (at < now - TimeSpan.FromMinutes(1) || at > now + LongestAhead)) errors["sendAt"] = [$"schedule-ahead:{LongestAhead.Days}"];
        return errors;
    }

    /// <summary>The message as the phone shows it after the sign name.</summary>
    public static string Compose(string text) => SmsTemplates.Find(Template)!.Render(new Dictionary<string, string> { ["content"] = text });

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
