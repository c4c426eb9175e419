using System.Text.Json;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// Every version of a hotline, a calendar year and a blacklist entry, with its full content, as the pages list them
/// and a revert reads them back (call_config_version, written with the version's event).
/// </summary>
public static class ConfigVersions
{
    public const string Hotline = "hotline";
    public const string Calendar = "holiday_calendar";
    public const string Blacklist = "caller_blacklist";

    public const string Saved = "save";
    public const string Reverted = "revert";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ReadModelWrite Row(string kind, string id, int version, string contentJson, string change, string actor, DateTimeOffset at) => new("""
        INSERT INTO call_config_version (kind, id, version, content, change, changed_by, changed_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)
        """, kind, id, version, contentJson, change, actor, at);

    /// <summary>The content of one version, or default when there is none.</summary>
    public static async Task<T?> Read<T>(NpgsqlDataSource db, string kind, string id, int version)
    {
        await using var cmd = db.CreateCommand("SELECT content::text FROM call_config_version WHERE kind = $1 AND id = $2 AND version = $3");
        cmd.Parameters.Add(new NpgsqlParameter { Value = kind });
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = version });
        return await cmd.ExecuteScalarAsync() is string json ? JsonSerializer.Deserialize<T>(json, Json) : default;
    }

    public static CommandResult<T> Invalid<T>(string field, string code) =>
        CommandResult<T>.Invalid(new Dictionary<string, string[]> { [field] = [code] });
}
