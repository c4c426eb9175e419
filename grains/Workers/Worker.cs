using HomeService.EventLog;

namespace HomeService.Workers;

/// <summary>A worker's availability as a fold of their events, with the rules for taking a job and setting a status by hand.</summary>
public sealed class Worker : IAggregateState
{
    public int Version { get; set; }
    public bool Exists { get; set; }
    public string WorkerId { get; set; } = "";
    public string MerchantId { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Skills { get; set; } = [];
    public DateOnly? QualificationExpires { get; set; }
    public WorkerStatus Status { get; set; } = WorkerStatus.OffDuty;
    public DateTimeOffset StatusSince { get; set; }
    public string? CurrentOrder { get; set; }
    public WorkerCredentials? Credentials { get; set; }
    public string? IdNumberHash { get; set; }
    public bool BlackListed { get; set; }
    public string? CodeToken { get; set; }
    public string? PhotoFileId { get; set; }
    public DateOnly? LastWarnedFor { get; set; }
    public string Phone { get; set; } = "";
    public List<string> Languages { get; set; } = [];
    public int YearsOfExperience { get; set; }
    public bool Active { get; set; } = true;
    public int? LastWarnedDaysLeft { get; set; }

    public static readonly IReadOnlyList<WorkerStatus> ByHand = [WorkerStatus.Available, WorkerStatus.Resting, WorkerStatus.OffDuty];

    public bool OnJob => CurrentOrder is not null;

    /// <summary>The reason this worker cannot take the order, or null. Expiry is judged by the date in Beijing.</summary>
    public string? CannotTake(string orderNo, string merchantId, IReadOnlyList<string> skills, DateTimeOffset now)
    {
        if (!Exists || MerchantId != merchantId) return "not-your-worker";
        if (CurrentOrder == orderNo) return null;
        if (!Active) return "worker-inactive";
        if (Status != WorkerStatus.Available) return "worker-busy";
        if (skills.Any(s => !Skills.Contains(s))) return "worker-unqualified";
        return SafetyCode.BlocksAssignment(Safety(SafetyCode.BeijingDate(now)));
    }

    /// <summary>The 安心码 colour today (Beijing date).</summary>
    public SafetyStatus Safety(DateOnly today) =>
        Credentials is { } c ? SafetyCode.Evaluate(c, BlackListed, today) : SafetyCode.Unrecorded(QualificationExpires, BlackListed, today);

    public string? CannotSet(string merchantId, WorkerStatus status) =>
        !Exists || MerchantId != merchantId ? "not-your-worker"
        : !ByHand.Contains(status) ? "status"
        : OnJob ? "worker-busy"
        : !Active ? "worker-inactive"
        : null;

    public WorkerView View() => new(WorkerId, MerchantId, Name, Skills, Status, StatusSince, CurrentOrder, QualificationExpires, Version, Active);

    public void Apply(object e)
    {
        switch (e)
        {
            case WorkerRegistered x:
                (Exists, WorkerId, MerchantId, Name, Phone, Skills, QualificationExpires) = (true, x.Id, x.MerchantId, x.Name, x.Phone, x.Skills.ToList(), x.QualificationExpires);
                Status = Enum.TryParse<WorkerStatus>(x.Status, out var s) ? s : WorkerStatus.OffDuty;
                StatusSince = x.At ?? default;
                if (x.Credentials is { } c) (Credentials, IdNumberHash, QualificationExpires) = (c, x.IdNumberHash, c.HealthCertificateExpires);
                break;
            case WorkerTookJob x: (CurrentOrder, Status, StatusSince) = (x.OrderNo, WorkerStatus.Assigned, x.At); break;
            case WorkerJobProgressed x: (Status, StatusSince) = (x.Status, x.At); break;
            case WorkerReleased x: (CurrentOrder, Status, StatusSince) = (null, WorkerStatus.Available, x.At); break;
            case WorkerStatusSet x: (Status, StatusSince) = (x.Status, x.At); break;
            case WorkerCredentialsRecorded x:
                (Credentials, IdNumberHash, QualificationExpires) = (x.Credentials, x.IdNumberHash ?? IdNumberHash, x.Credentials.HealthCertificateExpires);
                break;
            case WorkerCodeIssued x: CodeToken = x.Token; break;
            case WorkerCodeRevoked: CodeToken = null; break;
            case WorkerListed x: BlackListed = x.BlackListed; break;
            case WorkerPhotoSet x: PhotoFileId = x.FileId; break;
            case WorkerDetailsEdited { Details: var d }:
                (Name, Phone, Skills, Languages, YearsOfExperience) = (d.Name, d.Phone, d.Skills.ToList(), d.Languages.ToList(), d.YearsOfExperience);
                break;
            case WorkerDeactivated x: (Active, Status, StatusSince, CodeToken) = (false, WorkerStatus.OffDuty, x.At, null); break;
            case WorkerExpiryWarned x: (LastWarnedFor, LastWarnedDaysLeft) = (x.Expires, x.DaysLeft); break;
            default: throw new ArgumentException($"Unknown worker event {e.GetType().Name}");
        }
    }
}
