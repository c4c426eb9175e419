using HomeService.Identity;
using Npgsql;

namespace HomeService.Members;

/// <summary>
/// Which member a mobile number belongs to. It keeps nothing of its own: the member read row (phone unique, written in the
/// transaction of the member's first event) and the login linked to that member are the index, read once per activation.
/// That also covers members the center knew before the website (the seed's, callers of the hotline): a verified
/// registration of such a number takes the existing member over instead of making a second one.
/// </summary>
public sealed class MemberPhoneIndexGrain(NpgsqlDataSource db) : Grain, IMemberPhoneIndexGrain
{
    private MemberPhoneEntry? _entry;
    private string Phone => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT m.id, (SELECT u.login FROM app_user u WHERE u.member_id = m.id ORDER BY u.login = m.phone DESC, u.login LIMIT 1)
            FROM member m WHERE m.phone = $1
            """);
        cmd.Parameters.Add(new() { Value = Phone });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (await r.ReadAsync(ct)) _entry = new MemberPhoneEntry(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1));
    }

    public Task<MemberPhoneEntry?> Find() => Task.FromResult(_entry);

    public async Task<CommandResult<MemberPhoneEntry>> Register(string name, string passwordHash, string actor)
    {
        if (!PhoneNumber.IsMobile(Phone)) return Refused("format");
        if (_entry?.Login is not null) return Refused("registered");

        var memberId = _entry?.MemberId;
        if (memberId is null)
        {
            await using var next = db.CreateCommand("SELECT nextval('member_number')");
            memberId = $"R{(long)(await next.ExecuteScalarAsync())!}";
            var created = await GrainFactory.GetGrain<IMemberGrain>(memberId).Register(name, Phone, actor);
            if (!created.Succeeded) return CommandResult<MemberPhoneEntry>.Invalid(created.Errors!);
            _entry = new MemberPhoneEntry(memberId, null);
        }
        var member = await GrainFactory.GetGrain<IMemberGrain>(memberId).Get();
        var account = new UserAccount(Guid.NewGuid(), Phone, member?.Name ?? name.Trim(), [Roles.Resident], passwordHash, null, null, null, memberId, false);
        if (!await GrainFactory.GetGrain<IUserAccountGrain>(Phone).Create(account, actor)) return Refused("registered");
        _entry = new MemberPhoneEntry(memberId, Phone);
        return CommandResult<MemberPhoneEntry>.Ok(_entry);
    }

    private static CommandResult<MemberPhoneEntry> Refused(string code) =>
        CommandResult<MemberPhoneEntry>.Invalid(new Dictionary<string, string[]> { ["phone"] = [code] });
}
