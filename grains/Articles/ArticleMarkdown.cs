using Ganss.Xss;
using Markdig;

namespace HomeService.Articles;

/// <summary>
/// Turns an article's Markdown into the HTML the public pages show. Markdown lets its writer put raw HTML in the text
/// (and link to any address, <c>javascript:</c> included), and the pages print this HTML as it is: so Markdig's output
/// always goes through an allow-list sanitizer, which keeps headings, lists, tables, emphasis and http(s)/mailto/tel
/// links, and drops scripts, event handler attributes (onerror=…), styles, frames, forms and script URLs. An admin's
/// account that is taken over, or a paste from a web page, can then never put script on the center's public site.
/// Rendered once when an article is written, not on every page view.
/// </summary>
public static class ArticleMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    public static string ToSafeHtml(string markdown) => Sanitizer().Sanitize(Markdown.ToHtml(markdown, Pipeline));

    private static HtmlSanitizer Sanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) sanitizer.AllowedSchemes.Add(scheme);
        // Articles follow the site's style sheet: no inline styles or classes of their own, no ids that could clash.
        foreach (var attribute in new[] { "style", "class", "id" }) sanitizer.AllowedAttributes.Remove(attribute);
        sanitizer.AllowedCssProperties.Clear();
        // No forms: an article must not be able to ask a visitor for a password and post it elsewhere.
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "option", "optgroup", "label", "fieldset", "legend", "datalist", "output" })
            sanitizer.AllowedTags.Remove(tag);
        sanitizer.PostProcessNode += (_, e) =>
        {
            // A link out of the site must not hand the opened page a handle back to ours.
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } a && a.GetAttribute("href") is { } href && href.Contains("://"))
                a.SetAttribute("rel", "nofollow noopener noreferrer");
        };
        return sanitizer;
    }
}
