using HomeService.EventLog;

namespace HomeService.Articles;

/// <summary>
/// One article. Each change is an event written with the article's read row in one transaction; the row carries the
/// sanitized HTML, rendered here when the text changes, so the public pages only read it.
/// </summary>
public sealed class ArticleGrain(
    [PersistentState("article", "Default")] IPersistentState<Article> state,
    IEventLog log,
    TimeProvider clock) : Grain, IArticleGrain
{
    public static readonly EventCodec Codec = new("article",
        ("ArticleCreated", typeof(ArticleCreated)), ("ArticleEdited", typeof(ArticleEdited)),
        ("ArticlePublished", typeof(ArticlePublished)), ("ArticleUnpublished", typeof(ArticleUnpublished)));

    private Journal<Article> _journal = null!;
    private Article Me => _journal.State;
    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<Article>(state, log, Codec, this.GetPrimaryKeyString(), this);
        await _journal.CatchUp(ct);
        Me.Id = this.GetPrimaryKeyString();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<ArticleView?> Get() => Task.FromResult(Me.Exists ? Me.View() : null);

    public async Task<CommandResult<ArticleView>> Create(ArticleDraft draft, string actor)
    {
        if (Me.Exists) return Refused("id", "exists");
        var d = ArticleRules.Normalize(draft);
        if (ArticleRules.Validate(d) is { Count: > 0 } errors) return CommandResult<ArticleView>.Invalid(errors);
        var html = ArticleMarkdown.ToSafeHtml(d.Markdown);
        await _journal.Record(new ArticleCreated(d.Kind, d.Title, d.Summary, d.Markdown, actor, Now), actor, Now, a => [new ReadModelWrite("""
            INSERT INTO article (id, kind, title, summary, markdown, html, published, published_at, created_at, updated_at, created_by)
            VALUES ($1, $2, $3, $4, $5, $6, false, NULL, $7, $7, $8)
            """, a.Id, a.Kind, a.Title, a.Summary, a.Markdown, html, a.CreatedAt, a.CreatedBy)]);
        return Ok();
    }

    public async Task<CommandResult<ArticleView>> Edit(ArticleDraft draft, string actor)
    {
        if (!Me.Exists) return Refused("id", "unknown");
        var d = ArticleRules.Normalize(draft);
        if (ArticleRules.Validate(d) is { Count: > 0 } errors) return CommandResult<ArticleView>.Invalid(errors);
        if ((d.Kind, d.Title, d.Summary, d.Markdown) == (Me.Kind, Me.Title, Me.Summary, Me.Markdown)) return Ok(); // a second click of "save"
        var html = ArticleMarkdown.ToSafeHtml(d.Markdown);
        await _journal.Record(new ArticleEdited(d.Kind, d.Title, d.Summary, d.Markdown, Now), actor, Now, a => [new ReadModelWrite(
            "UPDATE article SET kind = $2, title = $3, summary = $4, markdown = $5, html = $6, updated_at = $7 WHERE id = $1",
            a.Id, a.Kind, a.Title, a.Summary, a.Markdown, html, a.UpdatedAt)]);
        return Ok();
    }

    public async Task<CommandResult<ArticleView>> Publish(string actor)
    {
        if (!Me.Exists) return Refused("id", "unknown");
        if (Me.Published) return Ok();
        await _journal.Record(new ArticlePublished(Now), actor, Now, a => [new ReadModelWrite(
            "UPDATE article SET published = true, published_at = $2, updated_at = $3 WHERE id = $1", a.Id, a.PublishedAt, a.UpdatedAt)]);
        return Ok();
    }

    public async Task<CommandResult<ArticleView>> Unpublish(string actor)
    {
        if (!Me.Exists) return Refused("id", "unknown");
        if (!Me.Published) return Ok();
        await _journal.Record(new ArticleUnpublished(Now), actor, Now, a => [new ReadModelWrite(
            "UPDATE article SET published = false, updated_at = $2 WHERE id = $1", a.Id, a.UpdatedAt)]);
        return Ok();
    }

    private CommandResult<ArticleView> Ok() => CommandResult<ArticleView>.Ok(Me.View());

    private static CommandResult<ArticleView> Refused(string field, string code) =>
        CommandResult<ArticleView>.Invalid(new Dictionary<string, string[]> { [field] = [code] });
}
