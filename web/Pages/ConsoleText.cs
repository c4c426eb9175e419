using HomeService.CallCenter;
using HomeService.Web.Localization;

namespace HomeService.Web.Pages;

/// <summary>The words the console's script needs, in the page's language.</summary>
public static class ConsoleText
{
    public static Dictionary<string, string> For(UiText t)
    {
        var text = new Dictionary<string, string>
        {
            ["ringing"] = t["console.ringing"],
            ["connected"] = t["console.connected"],
            ["onHold"] = t["console.on_hold"],
            ["newCaller"] = t["console.new_caller"],
            ["createMember"] = t["console.create_member"],
            ["vip"] = t["console.vip"],
            ["ivr"] = t["console.ivr"],
            ["since"] = t["console.since"],
            ["consulting"] = t["console.consulting"],
            ["block"] = t["hotline.block.link"],
        };
        foreach (var status in Enum.GetNames<AgentStatus>()) text[$"status.{status}"] = t[$"agent.status.{status}"];
        foreach (var reason in NotReadyReasons.Selectable.Append(NotReadyReasons.NoAnswer).Append(NotReadyReasons.Supervisor).Append("login"))
            text[$"reason.{reason}"] = t[$"agent.reason.{reason}"];
        foreach (var status in Enum.GetNames<CallStatus>()) text[$"call.{status}"] = t[$"call.status.{status}"];
        return text;
    }
}
