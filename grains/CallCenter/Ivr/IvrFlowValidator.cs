using System.Text.RegularExpressions;

namespace HomeService.CallCenter.Ivr;

/// <summary>
/// Refuses a flow a caller could get lost in. Errors are keyed by the path of the broken part in the flow's JSON
/// (menus.main.options.4.action: the fifth option of menu "main"), with codes the web turns into sentences:
/// required, max_length:N, range:A-B, format, duplicate, unknown (queue or action kind), unknown-menu, no-fallback,
/// unreachable (no way from the root to the menu), dead-end (the menu never leads to a call's end: only menus that
/// lead back), fallback-loop (a caller who never presses a key would go round menus for ever).
/// Menus may link back to each other (a "return" key), but only through options a caller presses.
/// </summary>
public static partial class IvrFlowValidator
{
    public const int MaxMenus = 50;
    public const int MaxOptions = 12;
    public const int MaxPromptLength = 500;
    public const int MaxNameLength = 32;
    public const int MaxPriority = 10;

    public static Dictionary<string, string[]> Validate(IvrFlowDefinition? flow, IReadOnlyCollection<string> queues)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string path, string code) => errors.TryAdd(path, [code]);
        if (flow is null) { Add("flow", "required"); return errors; }
        var menus = flow.Menus ?? new Dictionary<string, IvrMenu>();
        if (menus.Count == 0) Add("menus", "required");
        else if (menus.Count > MaxMenus) Add("menus", $"max_count:{MaxMenus}");
        if (string.IsNullOrWhiteSpace(flow.Root)) Add("root", "required");
        else if (!menus.ContainsKey(flow.Root)) Add("root", "unknown-menu");

        foreach (var (id, menu) in menus)
        {
            var at = $"menus.{id}";
            if (!MenuId().IsMatch(id)) { Add(at, "format"); continue; }
            if (menu is null) { Add(at, "required"); continue; }
            Text(errors, $"{at}.name", menu.Name, MaxNameLength);
            Text(errors, $"{at}.prompt", menu.Prompt, MaxPromptLength);
            if (menu.TimeoutSeconds is < 1 or > 60) Add($"{at}.timeoutSeconds", "range:1-60");
            if (menu.Retries is < 0 or > 5) Add($"{at}.retries", "range:0-5");
            var options = menu.Options ?? [];
            if (options.Count == 0) Add($"{at}.options", "required");
            else if (options.Count > MaxOptions) Add($"{at}.options", $"max_count:{MaxOptions}");
            var digits = new HashSet<string>();
            for (var i = 0; i < options.Count; i++)
            {
                var option = options[i];
                var path = $"{at}.options.{i}";
                if (option is null) { Add(path, "required"); continue; }
                if (string.IsNullOrEmpty(option.Digit)) Add($"{path}.digit", "required");
                else if (!Digit().IsMatch(option.Digit)) Add($"{path}.digit", "format");
                else if (!digits.Add(option.Digit)) Add($"{path}.digit", "duplicate");
                Text(errors, $"{path}.label", option.Label, MaxNameLength);
                Action(errors, $"{path}.action", option.Action, menus, queues);
            }
            if (menu.Fallback is null) Add($"{at}.fallback", "no-fallback");
            else Action(errors, $"{at}.fallback", menu.Fallback, menus, queues);
        }
        if (errors.Count > 0) return errors; // the graph checks below assume every link names a menu
        Graph(errors, flow.Root!, menus);
        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string path, string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.TryAdd(path, ["required"]);
        else if (text.Length > max) errors.TryAdd(path, [$"max_length:{max}"]);
    }

    private static void Action(Dictionary<string, string[]> errors, string path, IvrAction? action, IReadOnlyDictionary<string, IvrMenu> menus,
        IReadOnlyCollection<string> queues)
    {
        void Add(string p, string code) => errors.TryAdd(p, [code]);
        if (action is null) { Add(path, "dead-end"); return; }
        switch (action.Kind)
        {
            case IvrActionKinds.Menu:
                if (string.IsNullOrEmpty(action.Target)) Add($"{path}.target", "required");
                else if (!menus.ContainsKey(action.Target)) Add($"{path}.target", "unknown-menu");
                break;
            case IvrActionKinds.Queue:
                if (string.IsNullOrEmpty(action.Target)) Add($"{path}.target", "required");
                else if (!queues.Contains(action.Target)) Add($"{path}.target", "unknown");
                break;
            case IvrActionKinds.Info:
                Text(errors, $"{path}.text", action.Text, MaxPromptLength);
                break;
            case IvrActionKinds.Agent or IvrActionKinds.Callback or IvrActionKinds.Voicemail or IvrActionKinds.SelfService:
                break;
            case null or "":
                Add($"{path}.kind", "required");
                break;
            default:
                Add($"{path}.kind", "unknown");
                break;
        }
        if (action.Priority is < 0 or > MaxPriority) Add($"{path}.priority", $"range:0-{MaxPriority}");
    }

    /// <summary>Reachability from the root, "leads to an end" as a fixed point, and fallback chains that end.</summary>
    private static void Graph(Dictionary<string, string[]> errors, string root, IReadOnlyDictionary<string, IvrMenu> menus)
    {
        static IEnumerable<IvrAction> Links(IvrMenu m) => m.Options!.Select(o => o.Action!).Append(m.Fallback!);
        static bool IsMenu(IvrAction a) => a.Kind == IvrActionKinds.Menu;

        var reached = new HashSet<string> { root };
        var todo = new Stack<string>([root]);
        while (todo.TryPop(out var id))
            foreach (var link in Links(menus[id]).Where(IsMenu))
                if (reached.Add(link.Target!)) todo.Push(link.Target!);

        // A menu leads to an end if one of its ways out is an end, or a menu that does.
        var ends = new HashSet<string>();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (id, menu) in menus)
                if (!ends.Contains(id) && Links(menu).Any(a => !IsMenu(a) || ends.Contains(a.Target!)))
                    changed = ends.Add(id) || changed;
        }

        foreach (var (id, menu) in menus)
        {
            if (!reached.Contains(id)) errors.TryAdd($"menus.{id}", ["unreachable"]);
            else if (!ends.Contains(id)) errors.TryAdd($"menus.{id}", ["dead-end"]);
            for (var i = 0; i < menu.Options!.Count; i++)
                if (menu.Options[i].Action is { Kind: IvrActionKinds.Menu, Target: { } t } && !ends.Contains(t))
                    errors.TryAdd($"menus.{id}.options.{i}", ["dead-end"]);
            // Silence must end somewhere: follow fallbacks from here; meeting a menu twice means the caller circles for ever.
            var seen = new HashSet<string> { id };
            for (var fallback = menu.Fallback!; IsMenu(fallback); fallback = menus[fallback.Target!].Fallback!)
                if (!seen.Add(fallback.Target!))
                {
                    errors.TryAdd($"menus.{id}.fallback", ["fallback-loop"]);
                    break;
                }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex MenuId();

    [GeneratedRegex("^[0-9*#]$")]
    private static partial Regex Digit();
}
