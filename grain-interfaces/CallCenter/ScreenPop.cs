namespace HomeService.CallCenter;

/// <summary>A previous call of the same number, as the screen pop lists it.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.PastCall")]
public sealed record PastCall(
    [property: Id(0)] string CallId,
    [property: Id(1)] DateTimeOffset OfferedAt,
    [property: Id(2)] string Status,
    [property: Id(3)] string? AgentId,
    [property: Id(4)] string? QueueId,
    [property: Id(5)] string? EndCause);

/// <summary>The caller as a member of the center, when the number is known.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.MemberSummary")]
public sealed record MemberSummary(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string Name,
    [property: Id(2)] bool Vip,
    [property: Id(3)] IReadOnlyList<string> Addresses);

/// <summary>A work order as a pop lists it (the work-order issue fills these in).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.OrderSummary")]
public sealed record OrderSummary(
    [property: Id(0)] string OrderNo,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Category,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset CreatedAt);

/// <summary>
/// Everything the agent's screen shows the moment the call rings (来电弹屏). IvrPath: the caller's way through the
/// platform IVR ("主菜单", "3 投诉及建议"), null when the call did not go through it. TransferredBy: the colleague who
/// transferred the call here, as "name (work number)"; TransferNote: what they wrote for the next agent.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.ScreenPop")]
public sealed record ScreenPop(
    [property: Id(0)] CallView Call,
    [property: Id(1)] string Caller,
    [property: Id(2)] MemberSummary? Member,
    [property: Id(3)] IReadOnlyList<OrderSummary> RecentOrders,
    [property: Id(4)] IReadOnlyList<OrderSummary> OpenComplaints,
    [property: Id(5)] IReadOnlyList<PastCall> RecentCalls,
    [property: Id(6)] string? IvrChoice,
    [property: Id(7)] IReadOnlyList<string>? IvrPath = null,
    [property: Id(8)] string? TransferredBy = null,
    [property: Id(9)] string? TransferNote = null)
{
    /// <summary>An unknown number pops as a new caller, with a "create member" shortcut on the console.</summary>
    public bool NewCaller => Member is null;
}
