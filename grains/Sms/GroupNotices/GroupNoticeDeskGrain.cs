using HomeService.Catalogue;
using HomeService.Places;
using Npgsql;
using Orleans.Concurrency;

namespace HomeService.Sms.GroupNotices;

[StatelessWorker]
public sealed class GroupNoticeDeskGrain(NpgsqlDataSource db, IReadOnlyList<ISmsProvider> providers, TimeProvider clock) : Grain, IGroupNoticeDeskGrain
{
    public async Task<CommandResult<GroupNoticePreview>> Preview(GroupNoticeDraft draft)
    {
        var (d, errors) = await Check(draft);
        if (errors.Count > 0) return CommandResult<GroupNoticePreview>.Invalid(errors);
        var sign = providers[0].SignName;
        var text = GroupNoticeRules.Compose(d.Text);
        return CommandResult<GroupNoticePreview>.Ok(new GroupNoticePreview(sign, text, SmsSegments.Length(sign, text), SmsSegments.Count(sign, text),
            await Recipients(d.Audience)));
    }

    public async Task<CommandResult<GroupNoticeView>> Schedule(string id, GroupNoticeDraft draft, string actor)
    {
        var (d, errors) = await Check(draft);
        if (errors.Count > 0) return CommandResult<GroupNoticeView>.Invalid(errors);
        return await GrainFactory.GetGrain<IGroupNoticeGrain>(id).Schedule(d, actor);
    }

    private async Task<(GroupNoticeDraft Draft, Dictionary<string, string[]> Errors)> Check(GroupNoticeDraft draft)
    {
        var d = GroupNoticeRules.Normalize(draft);
        var categories = (await GrainFactory.GetGrain<IServiceCatalogueGrain>(0).GetAll()).Where(c => c.Active).Select(c => c.Code).ToHashSet();
        var districts = (await GrainFactory.GetGrain<ICityPlacesGrain>(0).GetAll()).Districts.Where(x => x.Active).Select(x => x.NameZh).ToHashSet();
        return (d, GroupNoticeRules.Validate(d, clock.GetUtcNow(), categories, districts));
    }

    private async Task<int> Recipients(GroupAudience audience)
    {
        await using var cmd = db.CreateCommand($"SELECT count(*) FROM ({GroupAudienceQuery.Phones(audience.Kind)}) r");
        cmd.Parameters.Add(new() { Value = (object?)audience.Category ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)audience.District ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (int)(long)(await cmd.ExecuteScalarAsync())!;
    }
}
