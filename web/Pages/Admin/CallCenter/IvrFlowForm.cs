using System.Text.RegularExpressions;
using HomeService.CallCenter;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>
/// An IVR flow as the editor posts it: menus with indexed fields (Menus[1].Options[2].Action.Target), the first menu the
/// root. Blank option rows are left out of the flow; <see cref="FormKey"/> turns the validator's path of a broken part
/// (menus.main.options.4.action.target) back into the form's name for it, so the error is shown at that node.
/// </summary>
public sealed partial class IvrFlowForm
{
    public sealed class ActionForm
    {
        public string? Kind { get; set; }
        public string? Target { get; set; }
        public int? Priority { get; set; }
        public string? Text { get; set; }

        public static ActionForm From(IvrAction? a) => new() { Kind = a?.Kind, Target = a?.Target, Priority = a?.Priority, Text = a?.Text };

        /// <summary>Only what the kind uses is kept: fields hidden for another kind must not linger in the flow.</summary>
        public IvrAction ToAction()
        {
            var kind = Clean(Kind);
            return new IvrAction(kind, kind is IvrActionKinds.Menu or IvrActionKinds.Queue ? Clean(Target) : null,
                kind == IvrActionKinds.Queue ? Priority ?? 0 : 0, kind == IvrActionKinds.Info ? Text : null);
        }

        public bool IsBlank => Clean(Kind) is null && Clean(Target) is null && string.IsNullOrWhiteSpace(Text);
    }

    public sealed class OptionForm
    {
        public string? Digit { get; set; }
        public string? Label { get; set; }
        public ActionForm Action { get; set; } = new();

        public bool IsBlank => Clean(Digit) is null && string.IsNullOrWhiteSpace(Label) && Action.IsBlank;
    }

    public sealed class MenuForm
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Prompt { get; set; }
        public int? TimeoutSeconds { get; set; }
        public int? Retries { get; set; }
        public List<OptionForm> Options { get; set; } = [];
        public ActionForm Fallback { get; set; } = new();

        public string? MenuId => Clean(Id);

        /// <summary>A menu the admin has just added: a caller who presses nothing reaches an agent until told otherwise.</summary>
        public static MenuForm Blank(string id, string name) => new()
        {
            Id = id, Name = name, TimeoutSeconds = 8, Retries = 2, Options = [new OptionForm()], Fallback = new ActionForm { Kind = IvrActionKinds.Agent },
        };
    }

    public List<MenuForm> Menus { get; set; } = [];

    /// <summary>The flow's menus, the root first and then in the order a caller meets them, so the form reads as the tree does.</summary>
    public static IvrFlowForm From(IvrFlowDefinition flow)
    {
        var menus = (flow.Menus ?? new Dictionary<string, IvrMenu>()).ToList();
        var plan = IvrFlowTree.Plan(menus.Select(m => (string?)m.Key).ToList(), menus.Select(m => IvrFlowTree.Links(m.Value)).ToList(),
            menus.FindIndex(m => m.Key == flow.Root));
        return new IvrFlowForm
        {
            Menus = plan.Order().Select(i => menus[i]).Select(m => new MenuForm
            {
                Id = m.Key, Name = m.Value.Name, Prompt = m.Value.Prompt, TimeoutSeconds = m.Value.TimeoutSeconds, Retries = m.Value.Retries,
                Options = (m.Value.Options ?? []).Select(o => new OptionForm { Digit = o.Digit, Label = o.Label, Action = ActionForm.From(o.Action) }).ToList(),
                Fallback = ActionForm.From(m.Value.Fallback),
            }).ToList(),
        };
    }

    /// <summary>Where each menu of the form is drawn: the first under the root's place, each other under the first link to it.</summary>
    public IvrFlowTree Tree() => IvrFlowTree.Plan(Menus.Select(m => m.MenuId).ToList(),
        Menus.Select(m => (IReadOnlyList<string?>)m.Options.Select(o => Link(o.Action)).Append(Link(m.Fallback)).ToList()).ToList(), Menus.Count > 0 ? 0 : -1);

    private static string? Link(ActionForm a) => Clean(a.Kind) == IvrActionKinds.Menu ? Clean(a.Target) : null;

    public static IvrFlowForm Starter(string rootName) => new() { Menus = [MenuForm.Blank("main", rootName)] };

    /// <summary>
    /// Menu ids the flow cannot hold as they are (blank or used twice), by form key; a flow is built only without them.
    /// </summary>
    public Dictionary<string, string> IdProblems()
    {
        var problems = new Dictionary<string, string>();
        var seen = new HashSet<string>();
        for (var i = 0; i < Menus.Count; i++)
        {
            if (Menus[i].MenuId is not { } id) problems[$"Menus[{i}].Id"] = "required";
            else if (!seen.Add(id)) problems[$"Menus[{i}].Id"] = "duplicate";
        }
        return problems;
    }

    /// <summary>The flow: the first menu is the root; options left blank are not part of it.</summary>
    public IvrFlowDefinition ToDefinition()
    {
        var menus = new Dictionary<string, IvrMenu>();
        foreach (var m in Menus)
            menus.TryAdd(m.MenuId ?? "", new IvrMenu(m.Name, m.Prompt, m.TimeoutSeconds ?? 0, m.Retries ?? -1,
                m.Options.Where(o => !o.IsBlank).Select(o => new IvrOption(Clean(o.Digit), o.Label, o.Action.ToAction())).ToList(),
                m.Fallback.IsBlank ? null : m.Fallback.ToAction()));
        return new IvrFlowDefinition(Menus.FirstOrDefault()?.MenuId, menus);
    }

    /// <summary>
    /// The form key of the part a validator path names: "Menus[0].Options[3].Action.Target" for
    /// menus.main.options.2.action.target when a blank row sits before it; "flow" for what belongs to no menu.
    /// </summary>
    public string FormKey(string path)
    {
        if (!path.StartsWith("menus.", StringComparison.Ordinal)) return "flow";
        var rest = path["menus.".Length..];
        // Ids hold no dots when valid; an invalid one is only ever reported alone, so the longest id that fits is the menu.
        var menu = Enumerable.Range(0, Menus.Count).Where(i => Menus[i].MenuId is { } id && (rest == id || rest.StartsWith(id + ".", StringComparison.Ordinal)))
            .OrderByDescending(i => Menus[i].MenuId!.Length).Cast<int?>().FirstOrDefault();
        if (menu is not { } at) return "flow";
        var key = $"Menus[{at}]";
        var tail = rest[Menus[at].MenuId!.Length..].TrimStart('.');
        if (tail.Length == 0) return key;
        var option = OptionPath().Match(tail);
        if (option.Success)
        {
            var rows = Menus[at].Options.Select((o, i) => (o, i)).Where(x => !x.o.IsBlank).Select(x => x.i).ToList();
            var index = int.Parse(option.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (index >= rows.Count) return key;
            return $"{key}.Options[{rows[index]}]{Pascal(option.Groups[2].Value)}";
        }
        return $"{key}{Pascal("." + tail)}";
    }

    /// <summary>".action.target" → ".Action.Target", as the form names its inputs.</summary>
    private static string Pascal(string tail) => Regex.Replace(tail, @"\.([a-z])", m => "." + char.ToUpperInvariant(m.Groups[1].Value[0]));

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^options\.(\d+)((?:\.[A-Za-z]+)*)$")]
    private static partial Regex OptionPath();
}
