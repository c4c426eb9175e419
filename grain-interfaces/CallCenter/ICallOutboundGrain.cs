namespace HomeService.CallCenter;

/// <summary>
/// Whom an agent calls out to (座席外呼) and what the console pops for it (去电弹屏). The number itself never travels to
/// the browser: it is resolved on the server and the pop shows it masked.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.OutboundTarget")]
public sealed record OutboundTarget(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? Id,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Level,
    [property: Id(4)] string PhoneMasked,
    [property: Id(5)] string? MerchantName,
    [property: Id(6)] OrderSummary? Order,
    [property: Id(7)] string? OrderAddress)
{
    public const string Member = "member";
    public const string Merchant = "merchant";
    public const string Worker = "worker";
    public const string Number = "number";
}

/// <summary>The outbound pop: the call and whom it is to, with the work order it is about.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.OutboundPop")]
public sealed record OutboundPop(
    [property: Id(0)] CallView Call,
    [property: Id(1)] OutboundTarget Target);

/// <summary>A campaign call as its grain knows it: unknown (never recorded), still live, or settled with an outcome.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.CampaignCallStatus")]
public sealed record CampaignCallStatus(
    [property: Id(0)] bool Known,
    [property: Id(1)] bool Live,
    [property: Id(2)] string? Outcome,
    [property: Id(3)] string? Digits);

/// <summary>The outbound side of a call grain (same key: the switch's call id of the originated call).</summary>
[Alias("HomeService.CallCenter.ICallOutboundGrain")]
public interface ICallOutboundGrain : IGrainWithStringKey
{
    /// <summary>The switch is dialling <paramref name="number"/> for the agent: reserve the agent and pop the target.</summary>
    [Alias("StartAgentOutbound")] Task<CommandResult<CallView>> StartAgentOutbound(string agentId, string number, OutboundTarget target);

    /// <summary>
    /// The switch is dialling a campaign's number; the answered party hears the prompt and presses a key. False when the
    /// switch gave an id that is already another call's: the campaign counts the attempt as a switch error.
    /// </summary>
    [Alias("StartCampaignCall")] Task<bool> StartCampaignCall(string campaignId, int targetNo, string number, string prompt);

    /// <summary>Where a campaign call stands, for a campaign that has heard nothing from it for a while.</summary>
    [Alias("GetCampaignCallStatus")] Task<CampaignCallStatus> GetCampaignCallStatus();

    /// <summary>
    /// The switch reports that the called party answered, without naming a seat. Null when the call is not an outbound
    /// call (the switch then has to name the seat).
    /// </summary>
    [Alias("CalleeAnswered")] Task<CallView?> CalleeAnswered(string eventId);

    /// <summary>The outbound pop again, for a console that reloads during the call; null for other calls.</summary>
    [Alias("GetOutboundPop")] Task<OutboundPop?> GetOutboundPop();
}

/// <summary>Places an agent's outbound call: the switch gives the call its id, then the call grain takes over.</summary>
[Alias("HomeService.CallCenter.IOutboundDialerGrain")]
public interface IOutboundDialerGrain : IGrainWithIntegerKey
{
    [Alias("PlaceAgentCall")] Task<CommandResult<CallView>> PlaceAgentCall(string agentId, string number, OutboundTarget target);
}
