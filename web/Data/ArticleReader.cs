using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// Reads the information center's articles from the read table: the public lists, search and detail (published only,
/// with the HTML sanitized when the article was written), and the admins' list and editor (drafts and Markdown).
/// Other pages (the home page's latest news) use <see cref="Latest"/>.
/// </summary>
public sealed class ArticleReader(NpgsqlDataSource db)
{
    public const int PageSize = 10;
    public const int MaxQuery = 50;

    /// <summary>One entry of a list: enough for a title, a date and a line of summary.</summary>
    public sealed record ArticleSummary(string Id, string Kind, string Title, string Summary, DateTimeOffset PublishedAt);

    /// <summary>A published article as the public detail page shows it. Html is sanitized and may be printed as it is.</summary>
    public sealed record PublishedArticle(string Id, string Kind, string Title, string Summary, string Html, DateTimeOffset PublishedAt,
        DateTimeOffset UpdatedAt);

    /// <summary>One page of a public list. Page counts from 1.</summary>
    public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, int Page, int Pages, long Total);

    /// <summary>An article in the admins' list (drafts too, no body).</summary>
    public sealed record AdminRow(string Id, string Kind, string Title, string Summary, bool Published, DateTimeOffset? PublishedAt,
        DateTimeOffset UpdatedAt, string CreatedBy);

    private const string SummaryColumns = "id, kind, title, summary, published_at";

    /// <summary>The newest published articles, FAQ entries left out (they are not news); optionally of one kind.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> Latest(int count, string? kind = null)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {SummaryColumns} FROM article
            WHERE published AND ($1::text IS NULL AND kind <> 'faq' OR kind = $1)
            ORDER BY published_at DESC, id DESC LIMIT $2
            """);
        cmd.Parameters.Add(new() { Value = (object?)kind ?? DBNull.Value });
        cmd.Parameters.Add(new() { Value = Math.Clamp(count, 1, 100) });
        return await Summaries(cmd);
    }

    /// <summary>
    /// A page of the public list: one kind or all but the FAQ, and, with <paramref name="q"/>, only articles whose title
    /// or summary contains it (a substring, any case; a search of all columns finds FAQ entries too, since a resident
    /// searching "投诉" wants the answer). An unknown kind lists nothing; a page past the end is empty.
    /// </summary>
    public async Task<ArticlePage> List(string? kind, string? q, int page)
    {
        page = Math.Max(1, page);
        var pattern = Pattern(q);
        await using var cmd = db.CreateCommand($"""
            SELECT {SummaryColumns}, count(*) OVER () FROM article
            WHERE published AND ($1::text IS NULL AND ($2::text IS NOT NULL OR kind <> 'faq') OR kind = $1)
              AND ($2::text IS NULL OR (title || ' ' || summary) ILIKE $2)
            ORDER BY published_at DESC, id DESC LIMIT $3 OFFSET $4
            """);
        cmd.Parameters.Add(new() { Value = (object?)kind ?? DBNull.Value });
        cmd.Parameters.Add(new() { Value = (object?)pattern ?? DBNull.Value });
        cmd.Parameters.Add(new() { Value = PageSize });
        cmd.Parameters.Add(new() { Value = (long)(page - 1) * PageSize });
        var items = new List<ArticleSummary>();
        long total = 0;
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
            {
                items.Add(Summary(r));
                total = r.GetInt64(5);
            }
        if (items.Count == 0 && page > 1) total = await Count(kind, pattern);
        return new ArticlePage(items, page, (int)Math.Max(1, (total + PageSize - 1) / PageSize), total);
    }

    /// <summary>Published articles of every kind (FAQ included) whose title or summary contains <paramref name="q"/>, newest first.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> Search(string q, int limit)
    {
        if (Pattern(q) is not { } pattern) return [];
        await using var cmd = db.CreateCommand($"""
            SELECT {SummaryColumns} FROM article
            WHERE published AND (title || ' ' || summary) ILIKE $1
            ORDER BY published_at DESC, id DESC LIMIT $2
            """);
        cmd.Parameters.Add(new() { Value = pattern });
        cmd.Parameters.Add(new() { Value = Math.Clamp(limit, 1, 100) });
        return await Summaries(cmd);
    }

    /// <summary>A published article, or null when there is none with that id or it is a draft.</summary>
    public async Task<PublishedArticle?> Find(string id)
    {
        if (id.Length > 32) return null;
        await using var cmd = db.CreateCommand(
            "SELECT id, kind, title, summary, html, published_at, updated_at FROM article WHERE id = $1 AND published");
        cmd.Parameters.Add(new() { Value = id });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync()
            ? new PublishedArticle(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<DateTimeOffset>(6))
            : null;
    }

    /// <summary>Every published FAQ entry with its answer, in the order they were published.</summary>
    public async Task<IReadOnlyList<PublishedArticle>> Faq()
    {
        await using var cmd = db.CreateCommand(
            "SELECT id, kind, title, summary, html, published_at, updated_at FROM article WHERE published AND kind = 'faq' ORDER BY published_at, id LIMIT 200");
        var rows = new List<PublishedArticle>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new PublishedArticle(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<DateTimeOffset>(6)));
        return rows;
    }

    /// <summary>The admins' list, drafts included, last changed first; optionally one kind.</summary>
    public async Task<IReadOnlyList<AdminRow>> AdminList(string? kind)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, kind, title, summary, published, published_at, updated_at, created_by FROM article
            WHERE $1::text IS NULL OR kind = $1 ORDER BY updated_at DESC, id DESC LIMIT 500
            """);
        cmd.Parameters.Add(new() { Value = (object?)kind ?? DBNull.Value });
        var rows = new List<AdminRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new AdminRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<DateTimeOffset>(6), r.GetString(7)));
        return rows;
    }

    /// <summary>
    /// The substring to look for as an ILIKE pattern (its own % and _ taken literally), or null for no search. Longer
    /// queries are cut: nobody types a 50-character search, and the pattern stays cheap.
    /// </summary>
    public static string? Pattern(string? q)
    {
        var text = (q ?? "").Trim();
        if (text.Length == 0) return null;
        if (text.Length > MaxQuery) text = text[..MaxQuery];
        return "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
    }

    private async Task<long> Count(string? kind, string? pattern)
    {
        await using var cmd = db.CreateCommand("""
            SELECT count(*) FROM article WHERE published AND ($1::text IS NULL AND ($2::text IS NOT NULL OR kind <> 'faq') OR kind = $1)
              AND ($2::text IS NULL OR (title || ' ' || summary) ILIKE $2)
            """);
        cmd.Parameters.Add(new() { Value = (object?)kind ?? DBNull.Value });
        cmd.Parameters.Add(new() { Value = (object?)pattern ?? DBNull.Value });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<IReadOnlyList<ArticleSummary>> Summaries(NpgsqlCommand cmd)
    {
        var rows = new List<ArticleSummary>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add(Summary(r));
        return rows;
    }

    private static ArticleSummary Summary(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4));
}
