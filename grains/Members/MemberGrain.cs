using HomeService.EventLog;

namespace HomeService.Members;

/// <summary>One member (会员). Thin around <see cref="Member"/>: each change is an event written with the member's read row.</summary>
public sealed class MemberGrain(
    [PersistentState("member", "Default")] IPersistentState<Member> state,
    IEventLog log,
    TimeProvider clock) : Grain, IMemberGrain
{
    // "member" and "MemberRegistered" are what the seed wrote for the center's earlier records; keep both names.
    public static readonly EventCodec Codec = new("member",
        ("MemberRegistered", typeof(MemberRegistered)), ("MemberProfileEdited", typeof(MemberProfileEdited)));

    private Journal<Member> _journal = null!;
    private Member Me => _journal.State;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<Member>(state, log, Codec, this.GetPrimaryKeyString(), this);
        return _journal.CatchUp(ct);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<MemberProfile?> Get() => Task.FromResult(Me.Exists ? Me.View() : null);

    public async Task<CommandResult<MemberProfile>> Register(string name, string phone, string actor)
    {
        if (Me.Exists) return CommandResult<MemberProfile>.Invalid(new Dictionary<string, string[]> { ["memberId"] = ["exists"] });
        var now = clock.GetUtcNow();
        await _journal.Record(new MemberRegistered(this.GetPrimaryKeyString(), name.Trim(), phone, false, [], now), actor, now, m =>
            [new ReadModelWrite("""
                INSERT INTO member (id, name, phone, vip, addresses, address_book, notify_sms, notify_in_app, created_at)
                VALUES ($1, $2, $3, false, '{}', '[]'::jsonb, $4, $5, $6)
                """, m.MemberId, m.Name, m.Phone, m.Preferences.Sms, m.Preferences.InApp, now)]);
        return CommandResult<MemberProfile>.Ok(Me.View());
    }

    public async Task<CommandResult<MemberProfile>> EditProfile(ProfileEdit edit, string actor)
    {
        if (!Me.Exists) return CommandResult<MemberProfile>.Invalid(new Dictionary<string, string[]> { ["memberId"] = ["unknown"] });
        var e = Member.Normalize(edit);
        var errors = Member.Validate(e, Me.Addresses);
        if (errors.Count > 0) return CommandResult<MemberProfile>.Invalid(errors);
        var now = clock.GetUtcNow();
        await _journal.Record(new MemberProfileEdited(e.Name, e.Addresses.ToArray(), e.Preferences, now), actor, now, m =>
            [new ReadModelWrite("""
                UPDATE member SET name = $2, addresses = $3, address_book = $4::jsonb, notify_sms = $5, notify_in_app = $6, updated_at = $7
                WHERE id = $1
                """, m.MemberId, m.Name, m.AddressLines(),
                System.Text.Json.JsonSerializer.Serialize(m.Addresses, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)),
                m.Preferences.Sms, m.Preferences.InApp, now)]);
        return CommandResult<MemberProfile>.Ok(Me.View());
    }
}
