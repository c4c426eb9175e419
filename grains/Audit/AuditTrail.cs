using System.Text.Json;
using HomeService.EventLog;

namespace HomeService.Audit;

/// <summary>Turns an audit entry into the audit_log row that commits with the change's event.</summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>A value as the before or after of an audit line; null stays null.</summary>
    public static string? Snapshot(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Json);

    public static ReadModelWrite Row(AuditEntry entry, DateTimeOffset at) => new("""
        INSERT INTO audit_log (at, actor, address, action, target_kind, target_id, before, after)
        VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)
        """, at, entry.Actor, AuditOrigin.Address, entry.Action, entry.TargetKind, entry.TargetId, entry.Before, entry.After);

    public static ReadModelWrite Row(string actor, string action, string kind, string id, object? before, object? after, DateTimeOffset at) =>
        Row(new AuditEntry(actor, action, kind, id, Snapshot(before), Snapshot(after)), at);
}
