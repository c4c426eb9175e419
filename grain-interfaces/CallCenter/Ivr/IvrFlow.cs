namespace HomeService.CallCenter;

/// <summary>
/// A platform IVR flow (IVR流程) of one dialled number: a tree of menus, entered at <see cref="Root"/>. The same shape is
/// the API's body, the stored definition (ivr_flow.definition) and what calls walk, so members are nullable: a body the
/// validator has not checked yet may lack any of them.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.IvrFlowDefinition")]
public sealed record IvrFlowDefinition(
    [property: Id(0)] string? Root,
    [property: Id(1)] IReadOnlyDictionary<string, IvrMenu>? Menus);

/// <summary>
/// One menu: its prompt is spoken while the switch collects one digit for <see cref="TimeoutSeconds"/>; no input (timeout) or
/// a digit no option has asks again, up to <see cref="Retries"/> times, then the call takes <see cref="Fallback"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.IvrMenu")]
public sealed record IvrMenu(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Prompt,
    [property: Id(2)] int TimeoutSeconds,
    [property: Id(3)] int Retries,
    [property: Id(4)] IReadOnlyList<IvrOption>? Options,
    [property: Id(5)] IvrAction? Fallback);

/// <summary>A key the caller may press (0-9, * or #), what it is called, and where it leads.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.IvrOption")]
public sealed record IvrOption(
    [property: Id(0)] string? Digit,
    [property: Id(1)] string? Label,
    [property: Id(2)] IvrAction? Action);

/// <summary>
/// Where an option or a fallback leads. Kind (<see cref="IvrActionKinds"/>): menu (Target: a menu id), queue (Target: a
/// queue id, Priority 0–10 raises it), agent (人工, the general queue), callback (预约回呼), voicemail (留言), info (Text is
/// spoken, then the call ends) or self-service (工单查询: the caller types an order number and hears its status).
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.IvrAction")]
public sealed record IvrAction(
    [property: Id(0)] string? Kind,
    [property: Id(1)] string? Target = null,
    [property: Id(2)] int Priority = 0,
    [property: Id(3)] string? Text = null);

public static class IvrActionKinds
{
    public const string Menu = "menu";
    public const string Queue = "queue";
    public const string Agent = "agent";
    public const string Callback = "callback";
    public const string Voicemail = "voicemail";
    public const string Info = "info";
    public const string SelfService = "self-service";

    public static readonly IReadOnlyList<string> All = [Menu, Queue, Agent, Callback, Voicemail, Info, SelfService];
}

/// <summary>One stored version of a number's flow; <see cref="RestoredFrom"/>: the earlier version it brought back, if any.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.IvrFlowVersion")]
public sealed record IvrFlowVersion(
    [property: Id(0)] string Dialled,
    [property: Id(1)] int Version,
    [property: Id(2)] IvrFlowDefinition Definition,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] int? RestoredFrom = null);
