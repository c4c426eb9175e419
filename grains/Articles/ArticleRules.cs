namespace HomeService.Articles;

/// <summary>What makes an article acceptable: a known column, a title, a short summary and a body of bounded length.</summary>
public static class ArticleRules
{
    public const int MaxTitle = ArticleLimits.Title;
    public const int MaxSummary = ArticleLimits.Summary;
    public const int MaxMarkdown = ArticleLimits.Markdown;

    /// <summary>Trims the one-line fields and drops trailing blank space from the body; a missing value becomes empty.</summary>
    public static ArticleDraft Normalize(ArticleDraft draft) => new(
        (draft.Kind ?? "").Trim().ToLowerInvariant(),
        OneLine(draft.Title),
        (draft.Summary ?? "").Trim(),
        (draft.Markdown ?? "").Replace("\r\n", "\n").TrimEnd());

    public static Dictionary<string, string[]> Validate(ArticleDraft d)
    {
        var errors = new Dictionary<string, string[]>();
        if (d.Kind.Length == 0) errors["kind"] = ["required"];
        else if (!ArticleKinds.IsKnown(d.Kind)) errors["kind"] = ["unknown"];
        if (d.Title.Length == 0) errors["title"] = ["required"];
        else if (d.Title.Length > MaxTitle) errors["title"] = [$"max_length:{MaxTitle}"];
        if (d.Summary.Length > MaxSummary) errors["summary"] = [$"max_length:{MaxSummary}"];
        if (d.Markdown.Trim().Length == 0) errors["markdown"] = ["required"];
        else if (d.Markdown.Length > MaxMarkdown) errors["markdown"] = [$"max_length:{MaxMarkdown}"];
        return errors;
    }

    // A title is one line: a pasted line break would split the heading and the list entry.
    private static string OneLine(string? text) => string.Join(' ', (text ?? "").Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
