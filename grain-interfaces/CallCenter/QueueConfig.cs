namespace HomeService.CallCenter;

/// <summary>
/// One widening step of a queue's agent pool (bullseye): once a call has waited <see cref="AfterSeconds"/>,
/// agents with <see cref="Skill"/> at <see cref="MinProficiency"/> or more may take it too.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.ExpansionTier")]
public sealed record ExpansionTier(
    [property: Id(0)] int AfterSeconds,
    [property: Id(1)] string Skill,
    [property: Id(2)] int MinProficiency);

/// <summary>A queue's settings. A change applies to calls already waiting.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.QueueConfig")]
public sealed record QueueConfig(
    [property: Id(0)] string QueueId,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] RoutingStrategy Strategy,
    [property: Id(4)] IReadOnlyList<ExpansionTier> Tiers,
    [property: Id(5)] int RingTimeoutSeconds,
    [property: Id(6)] int MaxNoAnswers,
    [property: Id(7)] int WrapUpSeconds,
    [property: Id(8)] int MaxWaitSeconds,
    [property: Id(9)] string? OverflowQueueId,
    [property: Id(10)] bool OfferCallback,
    [property: Id(11)] int AnnounceEverySeconds,
    [property: Id(12)] IReadOnlyList<string> TopDownOrder)
{
    /// <summary>The skills whose agents may ever serve this queue.</summary>
    public IEnumerable<string> Skills => Tiers.Select(t => t.Skill).Distinct();
}
