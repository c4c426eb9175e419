using HomeService.Articles;

namespace HomeService.Tests.Unit;

/// <summary>
/// An article's Markdown becomes the HTML public pages print as it is: what a writer means (headings, lists, links,
/// tables) survives, and nothing that runs script in a visitor's browser does, however it is written.
/// </summary>
public sealed class ArticleMarkdownTests
{
    [Fact]
    public void Headings_lists_emphasis_links_and_tables_survive()
    {
        var html = ArticleMarkdown.ToSafeHtml("""
            ## 预约方式

            1. 拨打**服务热线**
            2. 网上下单

            - 保洁
            - 保姆

            详见[会员中心](/member)或[市政府网站](https://www.zhengzhou.gov.cn/)，邮件 <kefu@example.cn>。

            | 服务 | 参考价格 |
            |---|---|
            | 钟点工 | 40 元/小时 |
            """);

        Assert.Contains("<h2>预约方式</h2>", html);
        Assert.Contains("<ol>", html);
        Assert.Contains("<li>拨打<strong>服务热线</strong></li>", html);
        Assert.Contains("<ul>", html);
        Assert.Contains("<a href=\"/member\">会员中心</a>", html);
        Assert.Contains("href=\"https://www.zhengzhou.gov.cn/\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
        Assert.Contains("href=\"mailto:kefu@example.cn\"", html);
        Assert.Contains("<td>钟点工</td>", html);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>正文")]
    [InlineData("段落\n\n<script src=\"https://evil.example/x.js\"></script>")]
    [InlineData("<img src=\"x\" onerror=\"alert('x')\">")]
    [InlineData("<p onclick=\"alert('x')\" style=\"background:url(javascript:alert(1))\">点我</p>")]
    [InlineData("[点这里](javascript:alert('x'))")]
    [InlineData("[点这里](JaVaScRiPt:alert('x'))")]
    [InlineData("<a href=\"javascript:alert('x')\">点这里</a>")]
    [InlineData("<a href=\"&#106;avascript:alert('x')\">点这里</a>")]
    [InlineData("<iframe src=\"javascript:alert('x')\"></iframe>")]
    [InlineData("<svg><script>alert('x')</script></svg>")]
    [InlineData("![图](javascript:alert('x'))")]
    [InlineData("<form action=\"https://evil.example\"><input name=\"password\"></form>")]
    public void Script_never_reaches_the_html(string markdown)
    {
        var html = ArticleMarkdown.ToSafeHtml(markdown).ToLowerInvariant();

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("onclick", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("<form", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public void Text_around_removed_markup_is_kept()
    {
        var html = ArticleMarkdown.ToSafeHtml("请拨打热线。<script>alert('x')</script>\n\n<img src=\"/logo.png\" onerror=\"alert(1)\" alt=\"标志\">");

        Assert.Contains("请拨打热线。", html);
        Assert.Contains("<img src=\"/logo.png\" alt=\"标志\">", html);
    }
}
