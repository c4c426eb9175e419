using HomeService.EventLog;
using HomeService.Notifications;
using HomeService.Realtime;
using HomeService.WorkOrders;
using Microsoft.Extensions.Logging;

namespace HomeService.Merchants;

/// <summary>
/// One merchant. Thin around <see cref="Merchant"/> and <see cref="MerchantStanding"/>: each change is an event with
/// its reason and actor, written with the merchant's read row and a status-history row; dispatch's directory is told at
/// once, so a suspended merchant gets no next offer. A reminder wakes the grain when a warning or suspension falls
/// due with no new event to trigger the rules.
/// </summary>
public sealed class MerchantGrain(
    [PersistentState("merchant", "Default")] IPersistentState<Merchant> state,
    IEventLog log,
    StandingPolicy policy,
    TimeProvider clock,
    ILogger<MerchantGrain> logger) : Grain, IMerchantGrain, IRemindable
{
    public static readonly EventCodec Codec = new("merchant",
        ("MerchantAdmitted", typeof(MerchantAdmitted)), ("MerchantApplied", typeof(MerchantApplied)),
        ("MerchantStatusChanged", typeof(MerchantStatusChanged)), ("MerchantListed", typeof(MerchantListed)), ("MerchantListChanged", typeof(MerchantListChanged)),
        ("MerchantCreditObserved", typeof(MerchantCreditObserved)), ("MerchantProfileEdited", typeof(MerchantProfileEdited)));

    private const string StandingReminder = "standing";
    private DateTimeOffset? _reminderDue;
    private bool _reminderKnown;
    private Journal<Merchant> _journal = null!;
    private Merchant Me => _journal.State;
    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<Merchant>(state, log, Codec, this.GetPrimaryKeyString(), this);
        await _journal.CatchUp(ct);
        if (Me.Exists) Me.MerchantId = this.GetPrimaryKeyString();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<MerchantView?> Get() => Task.FromResult(Me.Exists ? Me.View() : null);

    public async Task<CommandResult<MerchantView>> Apply(MerchantApplication application, string actor)
    {
        if (Me.Exists) return Refused("merchantId", "exists");
        Me.MerchantId = this.GetPrimaryKeyString();
        await Record([new MerchantApplied(application, Now)], actor, insert: true);
        return Ok();
    }

    public async Task<CommandResult<MerchantView>> Review(bool approve, string reason, string actor)
    {
        if (!Me.Exists) return Refused("merchantId", "unknown");
        if (MerchantStanding.CannotReview(Me) is { } why) return Refused("status", why);
        await ChangeStatus(new StandingChange(approve ? MerchantStatus.Active : MerchantStatus.Rejected, reason), actor);
        // An approved company gets its administrator login and a set-password link by SMS. Its own transaction, after the
        // approval's: if it fails, the approval stands and an admin sends the link again (POST …/admin-login).
        if (approve) await OpenAdminLogin(actor);
        return Ok();
    }

    private async Task OpenAdminLogin(string actor)
    {
        try
        {
            var opened = await GrainFactory.GetGrain<Identity.IMerchantLoginsGrain>(Me.MerchantId).OpenAdmin(actor);
            if (!opened.Succeeded) logger.LogWarning("Merchant {MerchantId} approved without an administrator login: {Errors}", Me.MerchantId, opened.Errors);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Merchant {MerchantId} approved, but its administrator login failed; an admin can send the link again", Me.MerchantId);
        }
    }

    public async Task<CommandResult<MerchantView>> SetList(IndustryList? list, string reason, string actor)
    {
        if (!Me.Exists) return Refused("merchantId", "unknown");
        if (Me.List == list) return Ok();
        await Record([new MerchantListChanged(list, reason, Now)], actor);
        await ApplyRules(actor);
        return Ok();
    }

    public async Task<CommandResult<MerchantView>> Suspend(string reason, string actor)
    {
        if (!Me.Exists) return Refused("merchantId", "unknown");
        if (MerchantStanding.CannotSuspend(Me) is { } why) return Refused("status", why);
        await ChangeStatus(new StandingChange(MerchantStatus.Suspended, reason), actor);
        return Ok();
    }

    public async Task<CommandResult<MerchantView>> DecideSuspension(bool exit, string reason, string actor)
    {
        if (!Me.Exists) return Refused("merchantId", "unknown");
        if (MerchantStanding.CannotDecideSuspension(Me) is { } why) return Refused("status", why);
        await ChangeStatus(new StandingChange(exit ? MerchantStatus.Exited : MerchantStatus.Active, reason), actor);
        return Ok();
    }

    public async Task<CommandResult<MerchantView>> EditProfile(MerchantProfileEdit edit, string actor)
    {
        if (!Me.Exists) return Refused("merchantId", "unknown");
        var p = MerchantApplicationRules.Normalize(edit);
        var categories = (await GrainFactory.GetGrain<Catalogue.IServiceCatalogueGrain>(0).GetAll()).Select(c => c.Code).ToHashSet();
        var errors = MerchantApplicationRules.Validate(p, categories.Contains);
        if (errors.Count > 0) return CommandResult<MerchantView>.Invalid(errors);
        await Record([new MerchantProfileEdited(p, Now)], actor);
        // "修改成功后，该修改的结果将同步地被服务热线座席人员查询到": the agents' lookups hear of it now.
        await GrainFactory.Push(PushGroups.Agents, "merchant.updated", Me.View(), Me.Version);
        return Ok();
    }

    public async Task CreditScored(int score)
    {
        if (!Me.Exists) return;
        var below = score < policy.Threshold;
        if (score != Me.CreditScore || below != (Me.LowSince is not null))
            await Record([new MerchantCreditObserved(score, below, Now)], "system:credit");
        await ApplyRules("system:standing");
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => ApplyRules("system:standing");

    private async Task ApplyRules(string actor)
    {
        if (MerchantStanding.Evaluate(Me, policy, Now) is { } change) await ChangeStatus(change, actor);
        // Every credit change comes through here: the reminder table is touched only when the due time changes.
        var due = MerchantStanding.NextCheck(Me, policy);
        if (due == _reminderDue && _reminderKnown) return;
        if (due is { } at)
        {
            var wait = at - Now;
            await this.RegisterOrUpdateReminder(StandingReminder, wait < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : wait, TimeSpan.FromDays(1));
        }
        else if (await this.GetReminder(StandingReminder) is { } reminder) await this.UnregisterReminder(reminder);
        (_reminderDue, _reminderKnown) = (due, true);
    }

    private Task ChangeStatus(StandingChange change, string actor) =>
        Record([new MerchantStatusChanged(Me.Status, change.To, change.Reason, Now, change.AwaitingExitConfirmation)], actor);

    private async Task Record(IReadOnlyList<object> events, string actor, bool insert = false)
    {
        await _journal.Record(events, actor, Now, m => Rows(m, events, actor, insert));
        var view = Me.View();
        await GrainFactory.GetGrain<IDispatchDirectoryGrain>(0).MerchantChanged(
            view.MerchantId, view.Status.ToString(), view.Categories, view.Districts, view.CreditScore, view.Capacity, view.Listed == IndustryList.Red);
        await GrainFactory.Push(PushGroups.Merchant(view.MerchantId), "merchant.updated", view, view.Version);
        // The admins' merchants panel: a new application, or another admin's decision, shows without a reload.
        await GrainFactory.Push(PushGroups.Admins, "merchant.changed", new { view.MerchantId, Status = view.Status.ToString() }, view.Version);
    }

    private static IEnumerable<ReadModelWrite> Rows(Merchant m, IReadOnlyList<object> events, string actor, bool insert)
    {
        yield return insert
            ? new ReadModelWrite("""
                INSERT INTO merchant (id, name, credit_code, legal_person, contact_name, phone, address, district, categories, districts, status,
                                      status_reason, credit_score, credit_level, documents, applied_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, $12, 'none', $13::jsonb, $14)
                """, m.MerchantId, m.Name, m.CreditCode, m.LegalPerson, m.ContactName, m.ContactPhone, m.Address, m.District, m.Categories.ToArray(),
                m.Districts.ToArray(), m.Status.ToString(), m.CreditScore, System.Text.Json.JsonSerializer.Serialize(m.Documents, JsonOptions), m.StatusSince)
            : new ReadModelWrite("""
                UPDATE merchant SET status = $2, status_reason = $3, listed = $4, credit_score = $5, awaiting_exit_confirmation = $6, contact_name = $7,
                    phone = $8, address = $9, categories = $10, districts = $11, business_hours = $12, capacity = $13
                WHERE id = $1
                """, m.MerchantId, m.Status.ToString(), m.StatusReason, m.List?.ToString(), m.CreditScore, m.AwaitingExitConfirmation, m.ContactName,
                m.ContactPhone, m.Address, m.Categories.ToArray(), m.Districts.ToArray(), m.BusinessHours, m.Capacity);
        if (insert && m.Documents.Where(d => d.FileId is not null).Select(d => Guid.Parse(d.FileId!)).ToArray() is { Length: > 0 } files)
            yield return new ReadModelWrite("UPDATE uploaded_file SET claimed_by = $1 WHERE id = ANY($2) AND claimed_by IS NULL", m.MerchantId, files);
        foreach (var e in events)
        {
            if (e is MerchantStatusChanged s)
            {
                yield return new ReadModelWrite(
                    "INSERT INTO merchant_status_change (merchant_id, at, from_status, to_status, reason, actor) VALUES ($1, $2, $3, $4, $5, $6)",
                    m.MerchantId, s.At, s.From.ToString(), s.To.ToString(), s.Reason, actor);
                // The applicant hears the review by SMS (they have no login yet); an admitted merchant sees any later change in its inbox.
                yield return s.From == MerchantStatus.Applied
                    ? NotificationOutbox.Enqueue("sms", "phone", m.ContactPhone, s.To == MerchantStatus.Active ? "merchant.approved" : "merchant.rejected",
                        new { merchantId = m.MerchantId, name = m.Name, reason = s.Reason }, $"{m.MerchantId}:review")
                    : NotificationOutbox.Enqueue("in-app", "merchant", m.MerchantId, $"merchant.status.{s.To.ToString().ToLowerInvariant()}",
                        new { reason = s.Reason }, $"{m.MerchantId}:status:{m.Version}");
                // An admin's decision (review, 暂停接单, resume, exit) is in the audit log too; the rules' own changes are in the history.
                if (actor.StartsWith("admin:"))
                    yield return Audit.AuditTrail.Row(actor, StatusAction(s), "merchant", m.MerchantId, new { status = s.From },
                        new { status = s.To, reason = s.Reason }, s.At);
            }
            // "honoured" (红名单) and "listed:black" (黑名单) name the list; "listed:red" is only in history from before red was the honour list.
            if (e is MerchantListChanged l)
                yield return new ReadModelWrite(
                    "INSERT INTO merchant_status_change (merchant_id, at, from_status, to_status, reason, actor) VALUES ($1, $2, $3, $3, $4, $5)",
                    m.MerchantId, l.At, m.Status.ToString(),
                    $"{l.List switch { IndustryList.Red => "honoured", IndustryList.Black => "listed:black", _ => "unlisted" }} {l.Reason}", actor);
            if (e is MerchantListChanged a)
                yield return Audit.AuditTrail.Row(actor, "merchant.list", "merchant", m.MerchantId, null,
                    new { list = a.List?.ToString().ToLowerInvariant(), reason = a.Reason }, a.At);
        }
    }

    private static string StatusAction(MerchantStatusChanged s) => (s.From, s.To) switch
    {
        (MerchantStatus.Applied, _) => "merchant.review",
        (_, MerchantStatus.Suspended) => "merchant.suspend",
        (MerchantStatus.Suspended, MerchantStatus.Active) => "merchant.resume",
        (_, MerchantStatus.Exited) => "merchant.exit",
        _ => "merchant.status",
    };

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);

    private CommandResult<MerchantView> Ok() => CommandResult<MerchantView>.Ok(Me.View());

    private static CommandResult<MerchantView> Refused(string field, string code) =>
        CommandResult<MerchantView>.Invalid(new Dictionary<string, string[]> { [field] = [code] });
}
