namespace HomeService.Credit;

/// <summary>Why a score moved. Stored with every change, with the event that caused it.</summary>
[GenerateSerializer, Alias("HomeService.Credit.CreditReason")]
public enum CreditReason
{
    Rating,
    ComplaintMinor, ComplaintNormal, ComplaintSerious,
    AcceptTimeout, Refusal, CancelAfterAccept, WorkerNoShow, LateArrival,
    OnTimeStreak, AllWorkersGreen,
    AppealOpened, AppealGranted, AppealRejected,
}

/// <summary>One thing that happened, as credit sees it. Source: the order event that caused it ("ORD…#12").</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Credit.CreditInput")]
public sealed record CreditInput(
    [property: Id(0)] string Kind, // rating | penalty | completed
    [property: Id(1)] string Source,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int? Stars = null,
    [property: Id(4)] CreditReason? Reason = null,
    [property: Id(5)] bool? OnTime = null);

/// <summary>A subject's credit as screens show it.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Credit.CreditSummary")]
public sealed record CreditSummary(
    [property: Id(0)] string Subject,
    [property: Id(1)] double Score,
    [property: Id(2)] string Level,
    [property: Id(3)] int LevelPoints,
    [property: Id(4)] IReadOnlyList<AppealablePenalty> OpenToAppeal);

[GenerateSerializer, Immutable, Alias("HomeService.Credit.AppealablePenalty")]
public sealed record AppealablePenalty(
    [property: Id(0)] string PenaltyId,
    [property: Id(1)] CreditReason Reason,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Appeal);

/// <summary>
/// One credit account, keyed "merchant:M001" or "worker:W001": the ledger its score is made of. Inputs arrive in the
/// order of the event log with its sequence number, so a replay after a crash changes nothing twice.
/// </summary>
[Alias("HomeService.Credit.ICreditGrain")]
public interface ICreditGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<CreditSummary> Get();

    [Alias("Record")] Task Record(long sequence, CreditInput input);

    /// <summary>The merchant appeals an upheld complaint's penalty within the appeal window; it is held back meanwhile.</summary>
    [Alias("Appeal")] Task<CommandResult<CreditSummary>> Appeal(string penaltyId, string actor);

    /// <summary>
    /// The daily review: a merchant whose active workers are all green earns the bonus (once per period), and the score
    /// as time has decayed it reaches the merchant's standing and dispatch even on a day with no orders. Returns the score.
    /// </summary>
    [Alias("Review")] Task<double> Review(bool allWorkersGreen);

    /// <summary>An admin grants (the penalty is void) or rejects (it counts again) an open appeal.</summary>
    [Alias("DecideAppeal")] Task<CommandResult<CreditSummary>> DecideAppeal(string penaltyId, bool granted, string reason, string actor);
}

/// <summary>Runs the daily credit review of every admitted merchant (at 03:00 Beijing time, from a reminder).</summary>
[Alias("HomeService.Credit.ICreditReviewGrain")]
public interface ICreditReviewGrain : IGrainWithIntegerKey
{
    /// <summary>Keeps the daily reminder registered. Idempotent.</summary>
    [Alias("Start")] Task Start();

    /// <summary>Reviews every admitted merchant now (tests and admins); returns how many were reviewed.</summary>
    [Alias("ReviewNow")] Task<int> ReviewNow();
}

/// <summary>Feeds credit from the work-order events in the log, in log order, from a durable checkpoint.</summary>
[Alias("HomeService.Credit.ICreditProjectorGrain")]
public interface ICreditProjectorGrain : IGrainWithIntegerKey
{
    /// <summary>Keeps it running: a reminder brings it back after a silo failure. Idempotent.</summary>
    [Alias("Start")] Task Start();

    /// <summary>Takes in what the log holds now (tests call it instead of waiting for the timer); returns how many events it read.</summary>
    [Alias("CatchUp")] Task<int> CatchUp();
}
