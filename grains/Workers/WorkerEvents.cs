namespace HomeService.Workers;

/// <summary>A worker joins a merchant. Status: where they start (the demo seed starts them Available); none means OffDuty.</summary>
public sealed record WorkerRegistered(string Id, string MerchantId, string Name, string Phone, string[] Skills, DateOnly? QualificationExpires = null,
    string? Status = null, DateTimeOffset? At = null);
public sealed record WorkerTookJob(string OrderNo, DateTimeOffset At);
public sealed record WorkerJobProgressed(string OrderNo, WorkerStatus Status, DateTimeOffset At);
public sealed record WorkerReleased(string OrderNo, DateTimeOffset At);
public sealed record WorkerStatusSet(WorkerStatus Status, DateTimeOffset At);
