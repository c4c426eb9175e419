using Npgsql;

namespace HomeService.Web.Data;

/// <summary>Reads the service catalogue read table. It changes rarely, so it is cached for a minute.</summary>
public sealed class CatalogueReader(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public sealed record Category(string Code, string NameZh, string NameEn, IReadOnlyList<Category> Children);

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private (IReadOnlyList<Category> Tree, DateTimeOffset At)? _cache;

    public async Task<IReadOnlyList<Category>> GetTree()
    {
        if (_cache is { } c && clock.GetUtcNow() - c.At < CacheFor) return c.Tree;
        var rows = new List<(string Code, string? Parent, string Zh, string En)>();
        await using (var cmd = dataSource.CreateCommand(
            "SELECT code, parent_code, name_zh, name_en FROM service_category WHERE active ORDER BY sort_order"))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3)));

        var tree = rows.Where(r => r.Parent is null)
            .Select(top => new Category(top.Code, top.Zh, top.En,
                rows.Where(r => r.Parent == top.Code).Select(ch => new Category(ch.Code, ch.Zh, ch.En, [])).ToList()))
            .ToList();
        _cache = (tree, clock.GetUtcNow());
        return tree;
    }
}
