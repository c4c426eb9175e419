namespace HomeService.Articles;

// The facts are what the admin wrote; the HTML is derived from them and lives on the read row only.
public sealed record ArticleCreated(string Kind, string Title, string Summary, string Markdown, string CreatedBy, DateTimeOffset At);
public sealed record ArticleEdited(string Kind, string Title, string Summary, string Markdown, DateTimeOffset At);
public sealed record ArticlePublished(DateTimeOffset At);
public sealed record ArticleUnpublished(DateTimeOffset At);
