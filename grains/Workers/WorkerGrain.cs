using HomeService.EventLog;
using HomeService.Realtime;

namespace HomeService.Workers;

/// <summary>
/// One worker's live status. Thin around <see cref="Worker"/>: each change is an event written with the worker's
/// read row, then pushed to the merchant's board and the worker's own page.
/// </summary>
public sealed class WorkerGrain(
    [PersistentState("worker", "Default")] IPersistentState<Worker> state,
    IEventLog log,
    IdNumberProtection idNumbers,
    TimeProvider clock) : Grain, IWorkerGrain, IRemindable
{
    private const string ExpiryReminder = "expiry";

    public static readonly EventCodec Codec = new("worker",
        ("WorkerRegistered", typeof(WorkerRegistered)), ("WorkerTookJob", typeof(WorkerTookJob)), ("WorkerJobProgressed", typeof(WorkerJobProgressed)),
        ("WorkerReleased", typeof(WorkerReleased)), ("WorkerStatusSet", typeof(WorkerStatusSet)),
        ("WorkerCredentialsRecorded", typeof(WorkerCredentialsRecorded)), ("WorkerCodeIssued", typeof(WorkerCodeIssued)),
        ("WorkerCodeRevoked", typeof(WorkerCodeRevoked)), ("WorkerListed", typeof(WorkerListed)), ("WorkerExpiryWarned", typeof(WorkerExpiryWarned)),
        ("WorkerDetailsEdited", typeof(WorkerDetailsEdited)), ("WorkerDeactivated", typeof(WorkerDeactivated)),
        ("WorkerPhotoSet", typeof(WorkerPhotoSet)));

    private Journal<Worker> _journal = null!;
    private Worker Me => _journal.State;
    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<Worker>(state, log, Codec, this.GetPrimaryKeyString(), this);
        await _journal.CatchUp(ct);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<WorkerView?> Get() => Task.FromResult(Me.Exists ? Me.View() : null);

    public async Task<CommandResult<WorkerView>> TakeJob(string orderNo, string merchantId, IReadOnlyList<string> skills)
    {
        if (Me.CannotTake(orderNo, merchantId, skills, Now) is { } reason) return Refused(reason);
        if (Me.CurrentOrder != orderNo) await Record(new WorkerTookJob(orderNo, Now), $"order:{orderNo}");
        return CommandResult<WorkerView>.Ok(Me.View());
    }

    public async Task FollowJob(string orderNo, WorkerStatus status)
    {
        if (Me.CurrentOrder == orderNo && Me.Status != status) await Record(new WorkerJobProgressed(orderNo, status, Now), $"order:{orderNo}");
    }

    public async Task ReleaseJob(string orderNo)
    {
        if (Me.CurrentOrder == orderNo) await Record(new WorkerReleased(orderNo, Now), $"order:{orderNo}");
    }

    public Task<WorkerProfile?> GetProfile(string merchantId) =>
        Task.FromResult(Me.Exists && Me.MerchantId == merchantId ? Profile() : null);

    public async Task<CommandResult<WorkerProfile>> RecordCredentials(string merchantId, CredentialsUpdate update, string actor)
    {
        if (!Me.Exists || Me.MerchantId != merchantId) return CommandResult<WorkerProfile>.Invalid(new Dictionary<string, string[]> { ["workerId"] = ["not-your-worker"] });
        var errors = CredentialsRules.Validate(update, Me.IdNumberHash is not null, SafetyCode.BeijingDate(Now));
        if (errors.Count > 0) return CommandResult<WorkerProfile>.Invalid(errors);
        var (masked, hash) = string.IsNullOrWhiteSpace(update.IdNumber) ? (Me.Credentials?.IdNumberMasked, null) : idNumbers.Protect(update.IdNumber);
        var credentials = new WorkerCredentials(masked, update.IdVerifiedOn, update.HealthCertificateExpires,
            (update.Trainings ?? []).Select(t => t with { Name = t.Name.Trim(), Issuer = t.Issuer.Trim() }).ToList(), update.BackgroundCheckPassed,
            update.BackgroundCheckedOn);
        await Record(new WorkerCredentialsRecorded(credentials, hash, Now), actor);
        await ScheduleExpiryWarning();
        return CommandResult<WorkerProfile>.Ok(Profile());
    }

    public async Task<CommandResult<WorkerProfile>> Register(string merchantId, WorkerDetails details, string actor)
    {
        if (Me.Exists) return CommandResult<WorkerProfile>.Invalid(new Dictionary<string, string[]> { ["workerId"] = ["exists"] });
        await _journal.Record(new WorkerRegistered(this.GetPrimaryKeyString(), merchantId, details.Name, details.Phone, details.Skills.ToArray(), At: Now),
            actor, Now, w => [new ReadModelWrite(
                "INSERT INTO worker (id, merchant_id, name, phone, skills, status, status_since) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                w.WorkerId, w.MerchantId, w.Name, w.Phone, w.Skills.ToArray(), w.Status.ToString(), w.StatusSince)]);
        if (details.Languages.Count > 0 || details.YearsOfExperience > 0) await Record(new WorkerDetailsEdited(details, Now), actor);
        return CommandResult<WorkerProfile>.Ok(Profile());
    }

    public async Task<CommandResult<WorkerProfile>> Edit(string merchantId, WorkerDetails details, string actor)
    {
        if (!Me.Exists || Me.MerchantId != merchantId) return CommandResult<WorkerProfile>.Invalid(new Dictionary<string, string[]> { ["workerId"] = ["not-your-worker"] });
        var d = WorkerDetailsRules.Normalize(details);
        var skills = (await GrainFactory.GetGrain<HomeService.Catalogue.IServiceCatalogueGrain>(0).GetAll()).Select(c => c.Code).ToHashSet();
        var errors = WorkerDetailsRules.Validate(d, skills.Contains);
        if (errors.Count > 0) return CommandResult<WorkerProfile>.Invalid(errors);
        await Record(new WorkerDetailsEdited(d, Now), actor);
        return CommandResult<WorkerProfile>.Ok(Profile());
    }

    public async Task<CommandResult<WorkerProfile>> Deactivate(string merchantId, string reason, string actor)
    {
        if (!Me.Exists || Me.MerchantId != merchantId) return CommandResult<WorkerProfile>.Invalid(new Dictionary<string, string[]> { ["workerId"] = ["not-your-worker"] });
        if (Me.OnJob) return CommandResult<WorkerProfile>.Invalid(new Dictionary<string, string[]> { ["workerId"] = ["worker-busy"] });
        if (Me.Active) await Record(new WorkerDeactivated(reason, Now), actor);
        return CommandResult<WorkerProfile>.Ok(Profile());
    }

    public async Task<CommandResult<WorkerProfile>> SetCode(string merchantId, bool issue, string actor)
    {
        if (!Me.Exists || Me.MerchantId != merchantId) return CommandResult<WorkerProfile>.Invalid(new Dictionary<string, string[]> { ["workerId"] = ["not-your-worker"] });
        if (issue && !Me.Active) return CommandResult<WorkerProfile>.Invalid(new Dictionary<string, string[]> { ["workerId"] = ["worker-inactive"] });
        // 128 random bits, URL-safe: the code cannot be guessed from the worker id or from another worker's code.
        if (issue) await Record(new WorkerCodeIssued(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_'), Now), actor);
        else if (Me.CodeToken is not null) await Record(new WorkerCodeRevoked(Now), actor);
        return CommandResult<WorkerProfile>.Ok(Profile());
    }

    public async Task<CommandResult<WorkerProfile>> SetPhoto(string merchantId, string fileId, string actor)
    {
        if (!Me.Exists || Me.MerchantId != merchantId) return CommandResult<WorkerProfile>.Invalid(new Dictionary<string, string[]> { ["workerId"] = ["not-your-worker"] });
        if (Me.PhotoFileId != fileId) await Record(new WorkerPhotoSet(fileId, Now), actor);
        return CommandResult<WorkerProfile>.Ok(Profile());
    }

    public async Task<CommandResult<WorkerProfile>> SetBlackListed(bool blackListed, string reason, string actor)
    {
        if (!Me.Exists) return CommandResult<WorkerProfile>.Invalid(new Dictionary<string, string[]> { ["workerId"] = ["unknown"] });
        if (Me.BlackListed != blackListed) await Record(new WorkerListed(blackListed, reason, Now), actor);
        return CommandResult<WorkerProfile>.Ok(Profile());
    }

    /// <summary>At 09:00 Beijing on each warning day (30, 7 and 1 days before the health certificate expires) the merchant is told.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var today = SafetyCode.BeijingDate(Now);
        if (Me.Credentials?.HealthCertificateExpires is { } expires && expires.DayNumber - today.DayNumber is var daysLeft
            && SafetyCode.WarningDaysBefore.Contains(daysLeft) && !(Me.LastWarnedFor == expires && Me.LastWarnedDaysLeft == daysLeft))
            await Record(new WorkerExpiryWarned(expires, daysLeft, Now), "system:expiry");
        await ScheduleExpiryWarning();
    }

    private async Task ScheduleExpiryWarning()
    {
        var today = SafetyCode.BeijingDate(Now);
        var next = Me.Credentials?.HealthCertificateExpires is { } expires ? SafetyCode.NextWarning(expires, today) : null;
        if (next is { } day && !(day == today && Me.LastWarnedFor == Me.Credentials!.HealthCertificateExpires
                                 && Me.LastWarnedDaysLeft == Me.Credentials.HealthCertificateExpires!.Value.DayNumber - today.DayNumber))
        {
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
            var due = at - Now;
            await this.RegisterOrUpdateReminder(ExpiryReminder, due < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : due, TimeSpan.FromDays(1));
        }
        else if (await this.GetReminder(ExpiryReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private WorkerProfile Profile() => new(Me.View(), Me.Credentials ?? WorkerCredentials.None, Me.Safety(SafetyCode.BeijingDate(Now)), Me.CodeToken,
        Me.PhotoFileId is not null, Me.BlackListed);

    public async Task<CommandResult<WorkerView>> SetStatus(string merchantId, WorkerStatus status, string actor)
    {
        if (Me.CannotSet(merchantId, status) is { } reason) return Refused(reason);
        if (Me.Status != status) await Record(new WorkerStatusSet(status, Now), actor);
        return CommandResult<WorkerView>.Ok(Me.View());
    }

    private async Task Record(object e, string actor)
    {
        await _journal.Record(e, actor, Now, w => Rows(w, e));
        var view = Me.View();
        await GrainFactory.Push(PushGroups.Merchant(view.MerchantId), "worker.status", view, view.Version);
        await GrainFactory.Push(PushGroups.Worker(view.WorkerId), "worker.status", view, view.Version);
    }

    private static CommandResult<WorkerView> Refused(string code) =>
        CommandResult<WorkerView>.Invalid(new Dictionary<string, string[]> { ["workerId"] = [code] });

    private static IEnumerable<ReadModelWrite> Rows(Worker w, object e)
    {
        switch (e)
        {
            case WorkerCredentialsRecorded or WorkerCodeIssued or WorkerCodeRevoked or WorkerListed:
                var c = w.Credentials ?? WorkerCredentials.None;
                yield return new ReadModelWrite("""
                    UPDATE worker SET id_number_masked = $2, id_number_hash = $3, id_verified_on = $4, qualification_expires = $5, trainings = $6::jsonb,
                        background_check_passed = $7, background_checked_on = $8, code_token = $9, black_listed = $10
                    WHERE id = $1
                    """, w.WorkerId, c.IdNumberMasked, w.IdNumberHash, c.IdVerifiedOn, c.HealthCertificateExpires,
                    System.Text.Json.JsonSerializer.Serialize(c.Trainings, Json), c.BackgroundCheckPassed, c.BackgroundCheckedOn, w.CodeToken, w.BlackListed);
                // The merchant hears of a listing in its inbox, with the admin's reason.
                if (e is WorkerListed l)
                    yield return Notifications.NotificationOutbox.Enqueue("in-app", "merchant", w.MerchantId, l.BlackListed ? "worker.black-listed" : "worker.unlisted",
                        new { workerId = w.WorkerId, name = w.Name, reason = l.Reason }, $"listing:{w.WorkerId}:{w.Version}");
                break;
            case WorkerPhotoSet x:
                yield return new ReadModelWrite("UPDATE worker SET photo_file_id = $2 WHERE id = $1", w.WorkerId, Guid.Parse(x.FileId));
                break;
            case WorkerDetailsEdited:
                yield return new ReadModelWrite("UPDATE worker SET name = $2, phone = $3, skills = $4, languages = $5, years_of_experience = $6 WHERE id = $1",
                    w.WorkerId, w.Name, w.Phone, w.Skills.ToArray(), w.Languages.ToArray(), w.YearsOfExperience);
                break;
            case WorkerDeactivated:
                yield return new ReadModelWrite("UPDATE worker SET active = false, status = $2, status_since = $3, code_token = NULL WHERE id = $1",
                    w.WorkerId, w.Status.ToString(), w.StatusSince);
                break;
            case WorkerExpiryWarned x:
                foreach (var channel in new[] { "in-app", "sms" })
                    yield return Notifications.NotificationOutbox.Enqueue(channel, "merchant", w.MerchantId, "worker.certificate-expiring",
                        new { workerId = w.WorkerId, name = w.Name, expires = x.Expires, daysLeft = x.DaysLeft },
                        $"expiry:{w.WorkerId}:{x.Expires:yyyy-MM-dd}:{x.DaysLeft}" + (channel == "sms" ? ":sms" : ""));
                break;
            default:
                yield return new ReadModelWrite("UPDATE worker SET status = $2, current_order = $3, status_since = $4 WHERE id = $1",
                    w.WorkerId, w.Status.ToString(), w.CurrentOrder, w.StatusSince);
                break;
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
}
