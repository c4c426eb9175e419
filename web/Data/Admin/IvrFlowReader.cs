using Npgsql;

namespace HomeService.Web.Data.Admin;

/// <summary>The versions of a number's IVR flow as the editor and the API list them, from the ivr_flow read table.</summary>
public sealed class IvrFlowReader(NpgsqlDataSource db)
{
    /// <summary>One version: who published it and when; RestoredFrom: the earlier version it brought back.</summary>
    public sealed record VersionRow(int Version, string CreatedBy, DateTimeOffset CreatedAt, int? RestoredFrom);

    public const int MaxVersions = 50;

    /// <summary>The newest <see cref="MaxVersions"/> versions, newest first; none when the number has no flow.</summary>
    public async Task<IReadOnlyList<VersionRow>> Versions(string dialled)
    {
        await using var cmd = db.CreateCommand("""
            SELECT version, created_by, created_at, restored_from FROM ivr_flow WHERE dialled = $1 ORDER BY version DESC LIMIT $2
            """);
        cmd.Parameters.Add(new() { Value = dialled });
        cmd.Parameters.Add(new() { Value = MaxVersions });
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<VersionRow>();
        while (await r.ReadAsync())
            rows.Add(new VersionRow(r.GetInt32(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetInt32(3)));
        return rows;
    }
}
