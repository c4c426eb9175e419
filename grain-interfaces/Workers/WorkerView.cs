namespace HomeService.Workers;

/// <summary>A service worker's live status (服务人员状态). Assigned, EnRoute and InService follow the order they are on.</summary>
public enum WorkerStatus { Available, Assigned, EnRoute, InService, OffDuty, Resting }

[GenerateSerializer, Immutable, Alias("HomeService.Workers.WorkerView")]
public sealed record WorkerView(
    [property: Id(0)] string WorkerId,
    [property: Id(1)] string MerchantId,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<string> Skills,
    [property: Id(4)] WorkerStatus Status,
    [property: Id(5)] DateTimeOffset StatusSince,
    [property: Id(6)] string? CurrentOrder,
    [property: Id(7)] DateOnly? QualificationExpires,
    [property: Id(8)] long Version,
    [property: Id(9)] bool Active = true);
