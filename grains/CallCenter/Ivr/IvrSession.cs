using System.Text.RegularExpressions;

namespace HomeService.CallCenter.Ivr;

/// <summary>Where a caller is in a flow: a menu, how many times they missed there, and whether they are typing an order number.</summary>
public sealed record IvrPosition(string Menu, int Attempts, bool SelfService);

/// <summary>Something the switch says to the caller: played, or played while collecting up to MaxDigits keys.</summary>
public sealed record IvrPrompt(string Text, bool Collect, int MaxDigits = 0, int TimeoutSeconds = 0);

/// <summary>
/// One step of a caller through a flow. Node and Input say where and what (empty input: the collection timed out);
/// Outcome is the timeline's word for what followed; PathPart, when set, is what the screen pop's path adds
/// ("3 投诉及建议"). Then exactly one of: Next (still in the IVR, with Say to play), Leave (the call goes to an action),
/// LookupOrder (the grain looks the order up and calls <see cref="IvrSession.LookedUp"/>).
/// </summary>
public sealed record IvrTurn(string Node, string Input, string Outcome, string? PathPart, IvrPosition? Next,
    IReadOnlyList<IvrPrompt> Say, IvrAction? Leave = null, string? LookupOrder = null);

/// <summary>
/// The rules of walking a flow, without a switch or a clock: given the flow, the caller's position and what they
/// pressed, what happens next. A miss (no key before the timeout, or a key no option has) asks again up to the menu's
/// retry count, then takes the menu's fallback. In self-service the caller types an order number's digits (WO and the
/// digits, e.g. 20261118002, ended by # or by the maximum); a wrong one is a miss too, and too many misses go to an agent.
/// </summary>
public static partial class IvrSession
{
    public const int OrderDigits = 20;
    public const string OrderPrefix = "WO";
    public const string SelfServicePrompt = "请输入工单号中的数字，以井号键结束。";
    public const string InvalidPrefix = "您的输入有误。";
    public const string NotFoundPrefix = "未查到该工单，请核对后重新输入。";

    public static IvrTurn Start(IvrFlowDefinition flow)
    {
        var root = flow.Menus![flow.Root!];
        return new IvrTurn(root.Name!, "", "entered", root.Name, new IvrPosition(flow.Root!, 0, false), [Ask(root)]);
    }

    public static IvrTurn Input(IvrFlowDefinition flow, IvrPosition at, string digits)
    {
        var menu = flow.Menus![at.Menu];
        var node = at.SelfService ? $"{menu.Name}/工单查询" : menu.Name!;
        if (digits.Length == 0) return Miss(flow, at, node, "", "timeout");
        if (at.SelfService)
        {
            var number = digits.TrimEnd('#');
            return OrderNumber().IsMatch(number)
                ? new IvrTurn(node, digits, "lookup", null, at, [], LookupOrder: OrderPrefix + number)
                : Miss(flow, at, node, digits, "invalid");
        }
        // Some switches pass on the # that ended the collection; it is no choice unless the menu offers # itself.
        var option = menu.Options!.FirstOrDefault(o => o.Digit == digits) ?? menu.Options!.FirstOrDefault(o => o.Digit == digits.TrimEnd('#'));
        return option is null ? Miss(flow, at, node, digits, "invalid") : Follow(flow, at.Menu, node, digits, option.Action!, $"{option.Digit} {option.Label}");
    }

    /// <summary>The outcome of a lookup that found the order: the caller was served by the IVR (a KPI counts it).</summary>
    public const string FoundOutcome = "found: ";

    /// <summary>After a self-service lookup: the status is spoken (never who the order is for) and the caller is back in the menu.</summary>
    public static IvrTurn LookedUp(IvrFlowDefinition flow, IvrPosition at, string orderNo, string? status)
    {
        var menu = flow.Menus![at.Menu];
        var node = $"{menu.Name}/工单查询";
        if (status is null) return Miss(flow, at, node, orderNo, "not-found");
        var words = OrderStatusWords.Of(status);
        return new IvrTurn(node, orderNo, FoundOutcome + words, $"工单查询：{words}", at with { Attempts = 0, SelfService = false },
            [new IvrPrompt($"您查询的工单{Spell(orderNo)}，当前状态是：{words}。", false), Ask(menu)]);
    }

    private static IvrTurn Miss(IvrFlowDefinition flow, IvrPosition at, string node, string input, string why)
    {
        var menu = flow.Menus![at.Menu];
        var attempts = at.Attempts + 1;
        if (attempts <= menu.Retries)
        {
            var again = at with { Attempts = attempts };
            var prefix = why switch { "not-found" => NotFoundPrefix, "invalid" => InvalidPrefix, _ => "" };
            return new IvrTurn(node, input, $"{why}, again {attempts}/{menu.Retries}", null, again,
                [at.SelfService ? AskOrder(menu, prefix) : Ask(menu, prefix)]);
        }
        var missed = why == "timeout" ? "未按键" : "输入有误";
        // An order number the caller cannot get right is a question for a person, whatever the menu's own fallback is.
        return at.SelfService
            ? new IvrTurn(node, input, $"{why}, retries used → agent", $"{missed} → 人工服务", null, [], new IvrAction(IvrActionKinds.Agent))
            : Follow(flow, at.Menu, node, input, menu.Fallback!, $"{missed} → {Describe(flow, menu.Fallback!)}", $"{why}, retries used → ");
    }

    private static IvrTurn Follow(IvrFlowDefinition flow, string menuId, string node, string input, IvrAction action, string pathPart,
        string outcomePrefix = "")
    {
        var outcome = outcomePrefix + Describe(flow, action);
        return action.Kind switch
        {
            IvrActionKinds.Menu => new IvrTurn(node, input, outcome, pathPart, new IvrPosition(action.Target!, 0, false),
                [Ask(flow.Menus![action.Target!])]),
            IvrActionKinds.SelfService => new IvrTurn(node, input, outcome, pathPart, new IvrPosition(menuId, 0, true),
                [AskOrder(flow.Menus![menuId], "")]),
            _ => new IvrTurn(node, input, outcome, pathPart, null, [], action),
        };
    }

    public static string Describe(IvrFlowDefinition flow, IvrAction action) => action.Kind switch
    {
        IvrActionKinds.Menu => flow.Menus!.TryGetValue(action.Target!, out var m) ? m.Name! : action.Target!,
        IvrActionKinds.Queue => $"队列 {action.Target}" + (action.Priority > 0 ? $"（优先级 +{action.Priority}）" : ""),
        IvrActionKinds.Agent => "人工服务",
        IvrActionKinds.Callback => "预约回呼",
        IvrActionKinds.Voicemail => "留言",
        IvrActionKinds.Info => "播报信息",
        IvrActionKinds.SelfService => "工单查询",
        _ => action.Kind ?? "?",
    };

    /// <summary>The prompt of where the caller is, again (a repeated offer: the first may never have reached the caller).</summary>
    public static IvrPrompt Repeat(IvrFlowDefinition flow, IvrPosition at) =>
        at.SelfService ? AskOrder(flow.Menus![at.Menu], "") : Ask(flow.Menus![at.Menu]);

    private static IvrPrompt Ask(IvrMenu menu, string prefix = "") => new(prefix + menu.Prompt, true, 1, menu.TimeoutSeconds);

    private static IvrPrompt AskOrder(IvrMenu menu, string prefix) => new(prefix + SelfServicePrompt, true, OrderDigits + 1, Math.Max(menu.TimeoutSeconds, 15));

    /// <summary>An order number read digit by digit, as a voice says it ("W O 2 0 2 6…").</summary>
    private static string Spell(string orderNo) => string.Join(" ", orderNo.ToCharArray());

    [GeneratedRegex("^[0-9]{6,20}$")]
    private static partial Regex OrderNumber();
}
