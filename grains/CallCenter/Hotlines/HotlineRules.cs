using System.Text.RegularExpressions;

namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// What a hotline's settings must be, with errors keyed by the API's field names: a name; routes for existing queues
/// with one default route (no choice) and no choice twice (the website's callback "number" routes topics instead of keys); hours in the BusinessHours form; a closed action, and for an
/// overflow another number to go to.
/// </summary>
public static partial class HotlineRules
{
    public const string WebCallback = "web-callback";
    public const int MaxRoutes = 20;
    public const int MaxName = 40;
    public const int MaxMessage = 200;

    /// <summary>A number of the center: digits as the switch sends them (no +), or the website's callback requests.</summary>
    public static bool IsNumber(string dialled) => dialled == WebCallback || NumberPattern().IsMatch(dialled);

    /// <summary>
    /// The settings as stored: text trimmed, hours in their one form (left as given when not hours, for the error). Routes
    /// keep their order, so an error's index names the route as it was sent.
    /// </summary>
    public static HotlineSettings Normalize(HotlineSettings s) => s with
    {
        Name = (s.Name ?? "").Trim(),
        Routes = (s.Routes ?? []).Select(r => r with { Choice = (r.Choice ?? "").Trim(), QueueId = (r.QueueId ?? "").Trim() }).ToList(),
        WorkdayHours = Hours(s.WorkdayHours),
        RestDayHours = Hours(s.RestDayHours),
        HolidayHours = Hours(s.HolidayHours),
        ClosedAction = (s.ClosedAction ?? "").Trim(),
        ClosedMessage = (s.ClosedMessage ?? "").Trim(),
        OverflowTo = string.IsNullOrWhiteSpace(s.OverflowTo) ? null : s.OverflowTo.Trim(),
        BlockedMessage = (s.BlockedMessage ?? "").Trim(),
    };

    public static Dictionary<string, string[]> Validate(string dialled, HotlineSettings s, IReadOnlyCollection<string> queues)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string code) => errors.TryAdd(field, [code]);

        if (!IsNumber(dialled)) Add("dialled", "format");
        if (s.Name.Length == 0) Add("name", "required");
        else if (s.Name.Length > MaxName) Add("name", $"max_length:{MaxName}");

        if (s.Routes.Count == 0) Add("routes", "required");
        else if (s.Routes.Count > MaxRoutes) Add("routes", $"max_count:{MaxRoutes}");
        else
        {
            // The website's requests choose a topic (service, complaint); one without a route of its own goes to the main hotline's queue.
            var web = dialled == WebCallback;
            if (!web && s.Routes.All(r => r.Choice.Length > 0)) Add("routes", "no-default-route");
            var seen = new HashSet<string>();
            for (var i = 0; i < s.Routes.Count; i++)
            {
                var r = s.Routes[i];
                if (r.Choice.Length > 0 && !(web ? TopicPattern() : ChoicePattern()).IsMatch(r.Choice)) Add($"routes[{i}].choice", "format");
                else if (!seen.Add(r.Choice)) Add($"routes[{i}].choice", "duplicate");
                if (r.QueueId.Length == 0) Add($"routes[{i}].queueId", "required");
                else if (!queues.Contains(r.QueueId)) Add($"routes[{i}].queueId", "unknown");
                if (r.Priority is < 0 or > 10) Add($"routes[{i}].priority", "range:0-10");
            }
        }

        foreach (var (field, hours) in new[] { ("workdayHours", s.WorkdayHours), ("restDayHours", s.RestDayHours), ("holidayHours", s.HolidayHours) })
            if (BusinessHours.Parse(hours) is null) Add(field, "hours-format");

        if (!ClosedActions.All.Contains(s.ClosedAction)) Add("closedAction", s.ClosedAction.Length == 0 ? "required" : "unknown");
        if (s.ClosedMessage.Length > MaxMessage) Add("closedMessage", $"max_length:{MaxMessage}");
        if (s.BlockedMessage.Length > MaxMessage) Add("blockedMessage", $"max_length:{MaxMessage}");
        if (s.ClosedAction == ClosedActions.Overflow && s.OverflowTo is null) Add("overflowTo", "required");
        else if (s.OverflowTo is { } to)
        {
            if (!NumberPattern().IsMatch(to)) Add("overflowTo", "format");
            else if (to == dialled) Add("overflowTo", "overflow-to-itself");
        }
        return errors;
    }

    private static string Hours(string? text) => BusinessHours.Normalize(text ?? "") ?? (text ?? "").Trim();

    [GeneratedRegex("^[0-9]{3,20}$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^[0-9*#]{1,8}$")]
    private static partial Regex ChoicePattern();

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex TopicPattern();
}
