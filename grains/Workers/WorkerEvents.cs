namespace HomeService.Workers;

/// <summary>A worker joins a merchant. Status: where they start (the demo seed starts them Available); none means OffDuty.</summary>
public sealed record WorkerRegistered(string Id, string MerchantId, string Name, string Phone, string[] Skills, DateOnly? QualificationExpires = null,
    string? Status = null, DateTimeOffset? At = null, WorkerCredentials? Credentials = null, string? IdNumberHash = null);
public sealed record WorkerTookJob(string OrderNo, DateTimeOffset At);
public sealed record WorkerJobProgressed(string OrderNo, WorkerStatus Status, DateTimeOffset At);
public sealed record WorkerReleased(string OrderNo, DateTimeOffset At);
public sealed record WorkerStatusSet(WorkerStatus Status, DateTimeOffset At);
/// <summary>The merchant recorded the worker's credentials. The ID number arrives only as its mask and keyed hash.</summary>
public sealed record WorkerCredentialsRecorded(WorkerCredentials Credentials, string? IdNumberHash, DateTimeOffset At);
/// <summary>A one-person-one-code token was issued; issuing again revokes the previous one.</summary>
public sealed record WorkerCodeIssued(string Token, DateTimeOffset At);
public sealed record WorkerCodeRevoked(DateTimeOffset At);
/// <summary>An admin put the worker on the black list (red: never sent) or took them off it.</summary>
public sealed record WorkerListed(bool BlackListed, string Reason, DateTimeOffset At);
/// <summary>The merchant set the worker's photo (an uploaded file, its metadata stripped) for the public code page.</summary>
public sealed record WorkerPhotoSet(string FileId, DateTimeOffset At);
/// <summary>The merchant was warned that a certificate expires in so many days (30, 7, 1).</summary>
public sealed record WorkerExpiryWarned(DateOnly Expires, int DaysLeft, DateTimeOffset At);
public sealed record WorkerDetailsEdited(WorkerDetails Details, DateTimeOffset At);
public sealed record WorkerDeactivated(string Reason, DateTimeOffset At);
