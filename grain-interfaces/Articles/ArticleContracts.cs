namespace HomeService.Articles;

/// <summary>The information center's columns (信息中心): news, notices, policies and regulations, and the FAQ.</summary>
public static class ArticleKinds
{
    public const string News = "news";
    public const string Notice = "notice";
    public const string Policy = "policy";
    public const string Faq = "faq";

    public static readonly IReadOnlyList<string> All = [News, Notice, Policy, Faq];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}

/// <summary>How long an article's texts may be (the web refuses a longer body before it reaches a grain).</summary>
public static class ArticleLimits
{
    public const int Title = 100;
    public const int Summary = 300;
    public const int Markdown = 20_000;
}

/// <summary>What an admin writes: the column, a title, an optional summary for lists and search, and the body in Markdown.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Articles.ArticleDraft")]
public sealed record ArticleDraft(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Title,
    [property: Id(2)] string Summary,
    [property: Id(3)] string Markdown);

/// <summary>An article as its admin sees it (drafts included); the public reads the published HTML from the read table.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Articles.ArticleView")]
public sealed record ArticleView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] string Summary,
    [property: Id(4)] string Markdown,
    [property: Id(5)] bool Published,
    [property: Id(6)] DateTimeOffset? PublishedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] string CreatedBy,
    [property: Id(9)] long Version);

/// <summary>
/// One article of the information center, keyed by article id (A1001, …): created as a draft, edited, published and
/// taken down again. Every change is an event written with the article's read row (its sanitized HTML included).
/// </summary>
[Alias("HomeService.Articles.IArticleGrain")]
public interface IArticleGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<ArticleView?> Get();

    /// <summary>Records a draft already checked and given this id by the registry.</summary>
    [Alias("Create")] Task<CommandResult<ArticleView>> Create(ArticleDraft draft, string actor);

    /// <summary>Replaces kind, title, summary and body; a published article shows the new text at once.</summary>
    [Alias("Edit")] Task<CommandResult<ArticleView>> Edit(ArticleDraft draft, string actor);

    /// <summary>Shows the article on the public pages; publishing a published article changes nothing.</summary>
    [Alias("Publish")] Task<CommandResult<ArticleView>> Publish(string actor);

    /// <summary>Takes the article off the public pages; it stays as a draft.</summary>
    [Alias("Unpublish")] Task<CommandResult<ArticleView>> Unpublish(string actor);
}

/// <summary>Checks a new article and gives it the next article id from a database sequence.</summary>
[Alias("HomeService.Articles.IArticleRegistryGrain")]
public interface IArticleRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Create")] Task<CommandResult<ArticleView>> Create(ArticleDraft draft, string actor);
}
