using Npgsql;

namespace HomeService.Web.Data;

/// <summary>A subject's score changes, newest first: the explanation of its credit, line by line.</summary>
public sealed class CreditReader(NpgsqlDataSource db)
{
    public sealed record ChangeRow(DateTimeOffset At, string Reason, string Source, decimal ScoreBefore, decimal ScoreAfter, int LevelPoints);

    public sealed record TrendPoint(DateOnly Day, decimal Score);

    /// <summary>The score at the end of each day it changed (Beijing days), oldest first: the trend a credit page draws.</summary>
    public async Task<IReadOnlyList<TrendPoint>> Trend(string kind, string id, int days = 180)
    {
        await using var cmd = db.CreateCommand("""
            SELECT DISTINCT ON (day) (at AT TIME ZONE 'Asia/Shanghai')::date AS day, score_after FROM credit_change
            WHERE subject_kind = $1 AND subject_id = $2 AND at >= now() - make_interval(days => $3)
            ORDER BY day, at DESC, id DESC
            """);
        cmd.Parameters.Add(new() { Value = kind });
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = days });
        var points = new List<TrendPoint>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) points.Add(new TrendPoint(r.GetFieldValue<DateOnly>(0), r.GetDecimal(1)));
        return points;
    }

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
