using HomeService.EventLog;

namespace HomeService.Sms.GroupNotices;

/// <summary>
/// One group notice. Scheduling writes its read row; release writes one outbox row per recipient of the group as it is
/// then, paced by <see cref="SmsOptions.GroupPerSecond"/> a chunk at a time (a chunk of <see cref="SmsBatching.Chunk"/>
/// rows falls due together, so it goes in one batch request), in the same transaction as the event, so a crash releases it
/// wholly or not at all. A reminder brings a scheduled notice back at its time, whatever happened to its silo.
/// </summary>
public sealed class GroupNoticeGrain(
    [PersistentState("group-notice", "Default")] IPersistentState<GroupNotice> state,
    IEventLog log,
    SmsOptions options,
    TimeProvider clock) : Grain, IGroupNoticeGrain, IRemindable
{
    public static readonly EventCodec Codec = new("group_notice",
        ("GroupNoticeScheduled", typeof(GroupNoticeScheduled)), ("GroupNoticeReleased", typeof(GroupNoticeReleased)),
        ("GroupNoticeCancelled", typeof(GroupNoticeCancelled)));

    private const string ReminderName = "release";
    private Journal<GroupNotice> _journal = null!;
    private GroupNotice Me => _journal.State;
    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<GroupNotice>(state, log, Codec, this.GetPrimaryKeyString(), this);
        await _journal.CatchUp(ct);
        Me.Id = this.GetPrimaryKeyString();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<GroupNoticeView?> Get() => Task.FromResult(Me.Exists ? Me.View() : null);

    public async Task<CommandResult<GroupNoticeView>> Schedule(GroupNoticeDraft draft, string actor)
    {
        if (Me.Exists) return Me.Text == draft.Text ? Ok() : Refused("id", "exists"); // a second click of "send"
        var sendAt = draft.SendAt is { } at && at > Now ? at : Now;
        await _journal.Record(new GroupNoticeScheduled(draft.Text, draft.Audience, sendAt, actor, Now), actor, Now, n => [new ReadModelWrite("""
            INSERT INTO group_notice (id, text, audience_kind, category, district, status, send_at, created_at, created_by)
            VALUES ($1, $2, $3, $4, $5, 'Scheduled', $6, $7, $8)
            """, n.Id, n.Text, n.Audience.Kind, n.Audience.Category, n.Audience.District, n.SendAt, n.CreatedAt, n.CreatedBy)]);
        if (Me.SendAt <= Now) await Release();
        else await this.RegisterOrUpdateReminder(ReminderName, Me.SendAt - Now, TimeSpan.FromMinutes(1));
        return Ok();
    }

    public async Task<CommandResult<GroupNoticeView>> Cancel(string actor)
    {
        if (!Me.Exists) return Refused("id", "unknown");
        if (Me.Status == GroupNoticeStatus.Cancelled) return Ok();
        if (Me.Status == GroupNoticeStatus.Released) return Refused("status", "released");
        await _journal.Record(new GroupNoticeCancelled(actor, Now), actor, Now, n => [new ReadModelWrite(
            "UPDATE group_notice SET status = 'Cancelled' WHERE id = $1", n.Id)]);
        await Forget();
        return Ok();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Me.Status == GroupNoticeStatus.Scheduled && Me.SendAt <= Now) await Release();
        if (Me.Status != GroupNoticeStatus.Scheduled) await Forget();
    }

    private async Task Release()
    {
        var startAt = Now;
        await _journal.Record(new GroupNoticeReleased(startAt), "system:group-notice", startAt, n =>
        [
            new ReadModelWrite($"""
                INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key, next_attempt_at, group_notice_id)
                SELECT 'sms', 'phone', r.phone, '{GroupNoticeRules.Template}', jsonb_build_object('content', $3::text), $4 || ':' || r.phone,
                       $5::timestamptz + make_interval(secs => (((row_number() OVER (ORDER BY r.phone) - 1) / $7::int) * $7::int)::double precision / $6::int), $4
                FROM ({GroupAudienceQuery.Phones(n.Audience.Kind)}) r
                ON CONFLICT (dedup_key) DO NOTHING
                """, n.Audience.Category, n.Audience.District, n.Text, n.Id, startAt, Math.Max(1, options.GroupPerSecond), SmsBatching.Chunk),
            new ReadModelWrite("""
                UPDATE group_notice SET status = 'Released', released_at = $2,
                    recipients = (SELECT count(*) FROM notification_outbox WHERE group_notice_id = $1)
                WHERE id = $1
                """, n.Id, startAt),
        ]);
        await Forget();
    }

    private async Task Forget()
    {
        if (await this.GetReminder(ReminderName) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private CommandResult<GroupNoticeView> Ok() => CommandResult<GroupNoticeView>.Ok(Me.View());

    private static CommandResult<GroupNoticeView> Refused(string field, string code) =>
        CommandResult<GroupNoticeView>.Invalid(new Dictionary<string, string[]> { [field] = [code] });
}
