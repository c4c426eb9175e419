using Npgsql;

namespace HomeService.Web.Data;

/// <summary>IVR campaigns from their read tables, and the orders a follow-up campaign can call about.</summary>
public sealed class CampaignReader(NpgsqlDataSource db)
{
    public sealed record CampaignRow(string CampaignId, string Name, string Kind, string Status, DateTimeOffset CreatedAt, long Targets,
        long Finished, long Answered);

    public async Task<IReadOnlyList<CampaignRow>> List()
    {
        await using var cmd = db.CreateCommand("""
            SELECT c.id, c.name, c.kind, c.status, c.created_at, count(t.*), count(t.result), count(t.*) FILTER (WHERE t.result = 'answered')
            FROM ivr_campaign c LEFT JOIN ivr_campaign_target t ON t.campaign_id = c.id
            GROUP BY c.id ORDER BY c.created_at DESC LIMIT 200
            """);
        var rows = new List<CampaignRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new CampaignRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
                r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)));
        return rows;
    }

    /// <summary>
    /// Orders whose follow-up visit is due, with the contact phone to call: the given ones (order number → phone; an
    /// order not due is left out), or all due orders when none are given.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> FollowUpsDue(IReadOnlyList<string>? orderNos, int limit)
    {
        await using var cmd = db.CreateCommand("""
            SELECT order_no, contact_phone FROM work_order
            WHERE status = 'FollowUpDue' AND ($1::text[] IS NULL OR order_no = ANY($1)) ORDER BY completed_at NULLS LAST, order_no LIMIT $2
            """);
        cmd.Parameters.Add(new() { Value = (object?)orderNos?.ToArray() ?? DBNull.Value, DataTypeName = "text[]" });
        cmd.Parameters.Add(new() { Value = limit });
        var due = new Dictionary<string, string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) due[r.GetString(0)] = r.GetString(1);
        return due;
    }
}
