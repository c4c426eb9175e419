using Npgsql;

namespace HomeService.Web.Data;

/// <summary>A subject's score changes, newest first: the explanation of its credit, line by line.</summary>
public sealed class CreditReader(NpgsqlDataSource db)
{
    public sealed record ChangeRow(DateTimeOffset At, string Reason, string Source, decimal ScoreBefore, decimal ScoreAfter, int LevelPoints);

    public async Task<IReadOnlyList<ChangeRow>> Changes(string kind, string id, int limit = 200)
    {
        await using var cmd = db.CreateCommand("""
            SELECT at, reason, source, score_before, score_after, level_points FROM credit_change
            WHERE subject_kind = $1 AND subject_id = $2 ORDER BY at DESC, id DESC LIMIT $3
            """);
        cmd.Parameters.Add(new() { Value = kind });
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = limit });
        var rows = new List<ChangeRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new ChangeRow(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetDecimal(4), r.GetInt32(5)));
        return rows;
    }
}
