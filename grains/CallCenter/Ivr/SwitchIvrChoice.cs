namespace HomeService.CallCenter.Ivr;

/// <summary>
/// A key pressed in the switch's own IVR (the offer's ivrChoice), named the way the platform's flow names it: an agent
/// reads "主菜单 → 2 发布服务需求", not a bare "2". The number's current flow is the menu the caller heard, as far as
/// the platform knows; a key the flow's root menu has no option for stays a bare digit.
/// </summary>
public static class SwitchIvrChoice
{
    /// <summary>The pop's path for the key, or null when the flow has no such option (or there is no flow).</summary>
    public static IReadOnlyList<string>? Path(IvrFlowDefinition? flow, string choice)
    {
        if (flow?.Root is not { } root || flow.Menus is null || !flow.Menus.TryGetValue(root, out var menu)) return null;
        var option = menu.Options?.FirstOrDefault(o => o.Digit == choice);
        if (option?.Label is not { Length: > 0 } label) return null;
        return [menu.Name ?? root, $"{option.Digit} {label}"];
    }
}
