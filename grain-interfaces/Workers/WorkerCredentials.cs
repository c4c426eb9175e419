namespace HomeService.Workers;

/// <summary>A training certificate (培训证书).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Workers.Training")]
public sealed record Training([property: Id(0)] string Name, [property: Id(1)] string Issuer, [property: Id(2)] DateOnly On);

/// <summary>
/// A worker's credentials as the merchant keeps them. The ID number itself is never stored: only its masked form
/// (4101**********1234) and a keyed hash, enough to show it and to spot the same person registered twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Workers.WorkerCredentials")]
public sealed record WorkerCredentials(
    [property: Id(0)] string? IdNumberMasked,
    [property: Id(1)] DateOnly? IdVerifiedOn,
    [property: Id(2)] DateOnly? HealthCertificateExpires,
    [property: Id(3)] IReadOnlyList<Training> Trainings,
    [property: Id(4)] bool? BackgroundCheckPassed,
    [property: Id(5)] DateOnly? BackgroundCheckedOn)
{
    public static readonly WorkerCredentials None = new(null, null, null, [], null, null);
}

/// <summary>The 安心码 colours residents know: green safe, yellow something expiring or missing, red not to be sent.</summary>
public enum SafetyColor { Green, Yellow, Red }

[GenerateSerializer, Immutable, Alias("HomeService.Workers.SafetyStatus")]
public sealed record SafetyStatus([property: Id(0)] SafetyColor Color, [property: Id(1)] IReadOnlyList<string> Reasons);

/// <summary>What the merchant enters. The ID number, when given, is checked, masked and hashed in the silo, never stored whole.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Workers.CredentialsUpdate")]
public sealed record CredentialsUpdate(
    [property: Id(0)] string? IdNumber,
    [property: Id(1)] DateOnly? IdVerifiedOn,
    [property: Id(2)] DateOnly? HealthCertificateExpires,
    [property: Id(3)] IReadOnlyList<Training> Trainings,
    [property: Id(4)] bool? BackgroundCheckPassed,
    [property: Id(5)] DateOnly? BackgroundCheckedOn);

/// <summary>A worker with their credentials and safety status, for their merchant.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Workers.WorkerProfile")]
public sealed record WorkerProfile(
    [property: Id(0)] WorkerView Worker,
    [property: Id(1)] WorkerCredentials Credentials,
    [property: Id(2)] SafetyStatus Safety,
    [property: Id(3)] string? CodeToken,
    [property: Id(4)] bool HasPhoto = false,
    [property: Id(5)] bool BlackListed = false);

/// <summary>A worker's own details as their merchant keeps them (服务人员管理).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Workers.WorkerDetails")]
public sealed record WorkerDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] IReadOnlyList<string> Skills,
    [property: Id(3)] IReadOnlyList<string> Languages,
    [property: Id(4)] int YearsOfExperience);
