using HomeService.EventLog;

namespace HomeService.Articles;

/// <summary>An article of the information center as a fold of its events.</summary>
public sealed class Article : IAggregateState
{
    public int Version { get; set; }
    public bool Exists { get; set; }
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Markdown { get; set; } = "";
    public bool Published { get; set; }
    /// <summary>When it first went public: taking an article down to fix it and publishing it again keeps its date.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public ArticleView View() => new(Id, Kind, Title, Summary, Markdown, Published, PublishedAt, UpdatedAt, CreatedBy, Version);

    public void Apply(object e)
    {
        switch (e)
        {
            case ArticleCreated x:
                (Exists, Kind, Title, Summary, Markdown, CreatedBy, CreatedAt, UpdatedAt) = (true, x.Kind, x.Title, x.Summary, x.Markdown, x.CreatedBy, x.At, x.At);
                break;
            case ArticleEdited x:
                (Kind, Title, Summary, Markdown, UpdatedAt) = (x.Kind, x.Title, x.Summary, x.Markdown, x.At);
                break;
            case ArticlePublished x:
                (Published, PublishedAt, UpdatedAt) = (true, PublishedAt ?? x.At, x.At);
                break;
            case ArticleUnpublished x:
                (Published, UpdatedAt) = (false, x.At);
                break;
            default: throw new ArgumentException($"Unknown article event {e.GetType().Name}");
        }
    }
}
