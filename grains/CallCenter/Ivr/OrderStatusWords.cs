namespace HomeService.CallCenter.Ivr;

/// <summary>A work order's status as the IVR says it to a caller (the console's wording, web/Localization order.status.*).</summary>
public static class OrderStatusWords
{
    private static readonly Dictionary<string, string> Words = new()
    {
        ["Raw"] = "已受理", ["PendingDispatch"] = "待派单", ["Offered"] = "已派单，等待商户接单", ["ManualDispatch"] = "正在安排派单",
        ["Accepted"] = "商户已接单", ["WorkerAssigned"] = "已指派服务人员", ["EnRoute"] = "服务人员正在前往", ["InService"] = "服务中",
        ["Completed"] = "服务已完成", ["FollowUpDue"] = "待回访", ["FollowedUp"] = "已回访", ["Closed"] = "已办结", ["Cancelled"] = "已取消",
        ["CannotComplete"] = "无法完成，工作人员将与您联系", ["OnHold"] = "暂停中，等待您的确认", ["Registered"] = "已登记",
        ["Forwarded"] = "已转交相关单位办理", ["Assigned"] = "正在办理", ["Responded"] = "已答复", ["VerdictGiven"] = "已作出处理结论",
        ["Replied"] = "已回复",
    };

    /// <summary>A status the table does not know yet is still something a caller may hear.</summary>
    public static string Of(string status) => Words.GetValueOrDefault(status, "正在处理");
}
