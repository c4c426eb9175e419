using HomeService.CallCenter;
using HomeService.Web.Localization;

namespace HomeService.Web.Pages;

/// <summary>The words the console's script needs, in the page's language.</summary>
public static class ConsoleText
{
    /// <param name="reasons">The center's not-ready reasons (示忙原因), named in the page's language.</param>
    public static Dictionary<string, string> For(UiText t, IReadOnlyList<NotReadyReason> reasons)
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
            ["transferredBy"] = t["console.transferred_by"],
            ["transferNote"] = t["console.transfer_note_label"],
        };
        foreach (var status in Enum.GetNames<AgentStatus>()) text[$"status.{status}"] = t[$"agent.status.{status}"];
        AddReasonNames(text, t, reasons);
        foreach (var status in Enum.GetNames<CallStatus>()) text[$"call.{status}"] = t[$"call.status.{status}"];
        // The pop's orders and complaints carry their status as stored (InService, Assigned): the agent reads the words.
        foreach (var status in Enum.GetNames<HomeService.WorkOrders.WorkOrderStatus>()) text[$"order.{status}"] = t[$"order.status.{status}"];
        return text;
    }

    /// <summary>
    /// "reason.{code}" for every not-ready reason a seat can show: the system's own (no answer, set by a supervisor, just
    /// logged in) from the UI text, the center's (示忙原因) by the names the back office gave them. Console and supervisor seat share it.
    /// </summary>
    public static void AddReasonNames(Dictionary<string, string> text, UiText t, IReadOnlyList<NotReadyReason> reasons)
    {
        foreach (var reason in new[] { NotReadyReasons.NoAnswer, NotReadyReasons.Supervisor, "login" })
            text[$"reason.{reason}"] = t[$"agent.reason.{reason}"];
        foreach (var reason in reasons) text[$"reason.{reason.Code}"] = UiText.IsEnglish ? reason.NameEn : reason.NameZh;
    }
}
