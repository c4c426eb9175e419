namespace HomeService.Workers;

/// <summary>
/// One service worker, keyed by worker id. The order a worker is on drives their status; the merchant sets the
/// rest by hand (available, resting, off duty).
/// </summary>
[Alias("HomeService.Workers.IWorkerGrain")]
public interface IWorkerGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<WorkerView?> Get();

    /// <summary>
    /// Reserves the worker for an order: only the merchant's own worker, available, with the skills the order's
    /// category needs, and a qualification not expired. Taking the same order again is harmless.
    /// </summary>
    [Alias("TakeJob")] Task<CommandResult<WorkerView>> TakeJob(string orderNo, string merchantId, IReadOnlyList<string> skills);

    /// <summary>The order moved on (en route, in service); ignored unless the worker is on that order.</summary>
    [Alias("FollowJob")] Task FollowJob(string orderNo, WorkerStatus status);

    /// <summary>The order no longer needs the worker (checked out, cancelled, taken back): available again.</summary>
    [Alias("ReleaseJob")] Task ReleaseJob(string orderNo);

    /// <summary>The worker with credentials and safety status; null for another merchant's worker or none.</summary>
    [Alias("GetProfile")] Task<WorkerProfile?> GetProfile(string merchantId);

    /// <summary>The merchant records credentials; field errors name what is wrong (an ID number failing its check character, a date in the future).</summary>
    [Alias("RecordCredentials")] Task<CommandResult<WorkerProfile>> RecordCredentials(string merchantId, CredentialsUpdate update, string actor);

    /// <summary>Issues a new one-person-one-code token (the previous one stops working), or revokes it (issue: false).</summary>
    [Alias("SetCode")] Task<CommandResult<WorkerProfile>> SetCode(string merchantId, bool issue, string actor);

    /// <summary>A merchant adds a worker under the id the registry gave; they start off duty, with no credentials yet.</summary>
    [Alias("Register")] Task<CommandResult<WorkerProfile>> Register(string merchantId, WorkerDetails details, string actor);

    /// <summary>The merchant corrects a worker's details.</summary>
    [Alias("Edit")] Task<CommandResult<WorkerProfile>> Edit(string merchantId, WorkerDetails details, string actor);

    /// <summary>The worker leaves the merchant: never deleted, their history stays; no longer assignable and their code stops working.</summary>
    [Alias("Deactivate")] Task<CommandResult<WorkerProfile>> Deactivate(string merchantId, string reason, string actor);

    /// <summary>The merchant sets the worker's photo: the id of a file already checked and stored.</summary>
    [Alias("SetPhoto")] Task<CommandResult<WorkerProfile>> SetPhoto(string merchantId, string fileId, string actor);

    /// <summary>An admin black-lists the worker (red: never sent again) or lifts it, with a reason.</summary>
    [Alias("SetBlackListed")] Task<CommandResult<WorkerProfile>> SetBlackListed(bool blackListed, string reason, string actor);

    /// <summary>The merchant's hand: Available, Resting or OffDuty, never while on a job.</summary>
    [Alias("SetStatus")] Task<CommandResult<WorkerView>> SetStatus(string merchantId, WorkerStatus status, string actor);
}

/// <summary>Gives new workers their ids (W1001, W1002, … from a database sequence) and finds one person registered twice by ID number.</summary>
[Alias("HomeService.Workers.IWorkerRegistryGrain")]
public interface IWorkerRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Register")] Task<CommandResult<WorkerProfile>> Register(string merchantId, WorkerDetails details, string actor);

    /// <summary>
    /// Adds a worker under an id the center already knows them by (the demo seed, records brought over from an earlier
    /// system), checked like any other. The id is "W" and digits; one already taken is refused ("workerId": "exists").
    /// </summary>
    [Alias("RegisterAs")] Task<CommandResult<WorkerProfile>> RegisterAs(string workerId, string merchantId, WorkerDetails details, string actor);
}
