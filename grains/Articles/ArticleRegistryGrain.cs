using Npgsql;

namespace HomeService.Articles;

/// <summary>Checks a new article, then gives it the next article id (A1001, A1002, … from a database sequence, so ids survive restarts).</summary>
public sealed class ArticleRegistryGrain(NpgsqlDataSource db) : Grain, IArticleRegistryGrain
{
    public async Task<CommandResult<ArticleView>> Create(ArticleDraft draft, string actor)
    {
        var d = ArticleRules.Normalize(draft);
        if (ArticleRules.Validate(d) is { Count: > 0 } errors) return CommandResult<ArticleView>.Invalid(errors);
        await using var next = db.CreateCommand("SELECT nextval('article_number')");
        var id = $"A{(long)(await next.ExecuteScalarAsync())!}";
        return await GrainFactory.GetGrain<IArticleGrain>(id).Create(d, actor);
    }
}
