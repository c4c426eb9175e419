using System.Collections.Concurrent;
using Npgsql;

namespace HomeService.Sms;

/// <summary>Service categories' Chinese names for message text, read again once a minute so a renamed category shows soon.</summary>
public sealed class SmsCategoryNames(NpgsqlDataSource db, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, string> _names = new();
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public string? Find(string code) => _names.GetValueOrDefault(code);

    public async Task Refresh(CancellationToken ct)
    {
        if (clock.GetUtcNow() - _readAt < TimeSpan.FromMinutes(1)) return;
        await using var cmd = db.CreateCommand("SELECT code, name_zh FROM service_category");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) _names[r.GetString(0)] = r.GetString(1);
        _readAt = clock.GetUtcNow();
    }
}
