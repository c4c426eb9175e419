using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Articles;

/// <summary>
/// The information center (信息中心) from both sides: an admin writes an article that stays private as a draft, is
/// told in their language what is wrong with a bad one, publishes it (the public finds it in the list, by a Chinese
/// substring and at its address, without any script from the Markdown) and takes it down again (gone, 404).
/// </summary>
public sealed class InformationCenterTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    private const string Title = "第三届家政服务员职业技能大赛报名开始";

    private static object Article(string title = Title, string kind = "news", string? markdown = null) => new
    {
        kind, title, summary = "面向全市加盟企业的保洁、育婴、养老护理三个项目，报名截止到下月底。",
        markdown = markdown ?? "## 比赛项目\n\n- 保洁\n- 育婴\n- 养老护理\n\n<script>alert('x')</script>报名请联系所属企业。",
    };

    [Fact]
    public async Task A_draft_stays_private_until_published_and_disappears_again_when_taken_down()
    {
        using var admin = await WebSession.SignIn(Web, "admin");
        using var visitor = WebSession.Anonymous(Web);

        var created = await admin.Http.PostAsJsonAsync("/api/admin/articles", Article());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var article = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = article.GetProperty("id").GetString()!;
        Assert.Matches("^A\\d{4,}$", id);
        Assert.False(article.GetProperty("published").GetBoolean());

        // A draft: in the admin's list, nowhere for the public.
        var drafts = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/articles?kind=news");
        Assert.Contains(drafts.EnumerateArray(), a => a.GetProperty("id").GetString() == id && !a.GetProperty("published").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/news/{id}")).StatusCode);
        Assert.DoesNotContain(Title, await visitor.Http.GetStringAsync("/news"));
        Assert.DoesNotContain(Title, await visitor.Http.GetStringAsync("/news?q=" + Uri.EscapeDataString("技能大赛")));

        // Published: first in the list, found by a piece of its title, readable at its address.
        var published = await admin.Http.PostAsync($"/api/admin/articles/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.True((await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("published").GetBoolean());

        var list = await visitor.Http.GetStringAsync("/news");
        Assert.Contains($"href=\"/news/{id}\">{Title}</a>", list);
        Assert.True(list.IndexOf(Title, StringComparison.Ordinal) < list.IndexOf("服务人员“一人一码”全面推行", StringComparison.Ordinal),
            "the newest article comes first");
        var found = await visitor.Http.GetStringAsync("/news?q=" + Uri.EscapeDataString("技能大赛"));
        Assert.Contains($"href=\"/news/{id}\"", found);
        Assert.DoesNotContain("一人一码", found); // only what matches
        var bySummary = await visitor.Http.GetStringAsync("/news?q=" + Uri.EscapeDataString("养老护理三个项目"));
        Assert.Contains($"href=\"/news/{id}\"", bySummary);
        Assert.DoesNotContain($"href=\"/news/{id}\"", await visitor.Http.GetStringAsync("/news?kind=notice"));

        var page = await visitor.Http.GetAsync($"/news/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"<title>{Title} · ", html);
        Assert.Contains("<meta name=\"description\" content=\"面向全市加盟企业", html);
        Assert.Contains("<h2>比赛项目</h2>", html);
        Assert.Contains("<li>养老护理</li>", html);
        Assert.Contains("报名请联系所属企业。", html);
        Assert.DoesNotContain("alert('x')", html);

        // An edit of a published article shows at once.
        var edited = await admin.Http.PutAsJsonAsync($"/api/admin/articles/{id}", Article(Title + "（延期）"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains(Title + "（延期）", await visitor.Http.GetStringAsync($"/news/{id}"));

        // Taken down: gone from the list, the search and its address.
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync($"/api/admin/articles/{id}/unpublish", null)).StatusCode);
        var gone = await visitor.Http.GetAsync($"/news/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("这篇文章不存在或已下线。", await gone.Content.ReadAsStringAsync());
        Assert.DoesNotContain(Title, await visitor.Http.GetStringAsync("/news"));
        Assert.DoesNotContain(Title, await visitor.Http.GetStringAsync("/news?q=" + Uri.EscapeDataString("技能大赛")));

        // Every step is an event in the log, with the admin as its actor.
        Assert.Equal(4L, await _deployment.Scalar<long>(
            "SELECT count(*) FROM event_log WHERE aggregate_type = 'article' AND aggregate_id = $1 AND actor = 'admin:admin'", id));
    }

    [Fact]
    public async Task Bad_articles_are_refused_field_by_field_in_the_writers_language_and_nothing_is_stored()
    {
        using var admin = await WebSession.SignIn(Web, "admin");
        var before = await _deployment.Scalar<long>("SELECT count(*) FROM article");

        var bad = await admin.Http.PostAsJsonAsync("/api/admin/articles", new { kind = "blog", title = " ", summary = new string('长', 301), markdown = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("栏目不存在。", errors.GetProperty("kind")[0].GetString());
        Assert.Equal("请填写标题。", errors.GetProperty("title")[0].GetString());
        Assert.Equal("摘要不能超过 300 个字。", errors.GetProperty("summary")[0].GetString());
        Assert.Equal("请填写正文。", errors.GetProperty("markdown")[0].GetString());

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/admin/articles")
            { Content = JsonContent.Create(Article(title: new string('x', 101), markdown: new string('x', 20_001))) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var tooLong = await admin.Http.SendAsync(english);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var englishErrors = (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Body must be at most 20000 characters.", englishErrors.GetProperty("markdown")[0].GetString());

        var longTitle = await admin.Http.PostAsJsonAsync("/api/admin/articles", Article(title: new string('题', 101)));
        Assert.Equal("标题不能超过 100 个字。",
            (await longTitle.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("title")[0].GetString());

        // A long body within the limit is fine (beyond the 2,000 characters other texts are held to).
        var longBody = await admin.Http.PostAsJsonAsync("/api/admin/articles", Article(markdown: "政策原文\n\n" + new string('文', 19_000)));
        Assert.Equal(HttpStatusCode.Created, longBody.StatusCode);
        Assert.Equal(before + 1, await _deployment.Scalar<long>("SELECT count(*) FROM article"));

        var unknown = await admin.Http.PostAsync("/api/admin/articles/A999999/publish", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("文章不存在。", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_list_pages_by_ten_newest_first_and_a_column_keeps_its_search_across_pages()
    {
        using var admin = await WebSession.SignIn(Web, "admin");
        for (var i = 1; i <= 8; i++)
        {
            var created = await admin.Http.PostAsJsonAsync("/api/admin/articles", Article($"家政培训班第 {i} 期开班"));
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync($"/api/admin/articles/{id}/publish", null)).StatusCode);
        }
        using var visitor = WebSession.Anonymous(Web);

        // 4 seeded news, notices and policies + 8 new: ten on the first page, two on the second.
        var first = await visitor.Http.GetStringAsync("/news");
        Assert.Contains("第 1 / 2 页", first);
        Assert.Contains("家政培训班第 8 期开班", first);
        Assert.DoesNotContain("家政服务人员持证上岗要求解读", first); // the oldest
        Assert.Contains("href=\"/news?page=2\"", first);
        var second = await visitor.Http.GetStringAsync("/news?page=2");
        Assert.Contains("第 2 / 2 页", second);
        Assert.Contains("家政服务人员持证上岗要求解读", second);
        Assert.DoesNotContain("家政培训班第 8 期开班", second);
        Assert.Contains("href=\"/news\">上一页", second);

        // A column and a search narrow the list; one page, no pager.
        var policies = await visitor.Http.GetStringAsync("/news?kind=policy");
        Assert.Contains("家政服务人员持证上岗要求解读", policies);
        Assert.DoesNotContain("家政培训班", policies);
        Assert.DoesNotContain("news-pager", policies);
        var search = await visitor.Http.GetStringAsync("/news?kind=news&q=" + Uri.EscapeDataString("培训班"));
        Assert.Contains("找到 8 篇与“培训班”有关的文章。", search);
        Assert.Contains("<input type=\"hidden\" name=\"kind\" value=\"news\" />", search);
        Assert.Contains("没有找到与“培训班”有关的文章。", await visitor.Http.GetStringAsync("/news?kind=policy&q=" + Uri.EscapeDataString("培训班")));
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("agent1")]
    [InlineData("merchant1")]
    public async Task Only_an_admin_may_write_or_publish(string login)
    {
        using var someone = await WebSession.SignIn(Web, login);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.Http.PostAsJsonAsync("/api/admin/articles", Article())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.Http.PostAsync("/api/admin/articles/A1001/unpublish", null)).StatusCode);
        using var anonymous = WebSession.Anonymous(Web);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.PostAsJsonAsync("/api/admin/articles", Article())).StatusCode);
        Assert.Equal(0L, await _deployment.Scalar<long>("SELECT count(*) FROM article WHERE title = $1", Title));
        // The seeded article they tried to take down is still public.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/news/A1001")).StatusCode);
    }

    [Fact]
    public async Task The_faq_page_lists_every_published_question_with_its_answer_in_chinese_or_english_chrome()
    {
        using var visitor = WebSession.Anonymous(Web);
        var faq = await visitor.Http.GetStringAsync("/faq");
        Assert.Contains("<title>常见问题 · ", faq);
        Assert.Contains("<meta name=\"description\"", faq);
        foreach (var question in new[] { "如何预约家政服务？", "服务价格是怎么定的？", "对服务不满意，怎么投诉？", "什么是“一人一码”？怎么查验？" })
            Assert.Contains($"<h2>{question}</h2>", faq);
        Assert.Contains("按语音提示选择“投诉”", faq);
        Assert.DoesNotContain("关于春节期间家政服务安排的通知", faq); // a notice is not a question

        // The news list leaves the FAQ out, but a search of all columns finds an answer too.
        Assert.DoesNotContain("对服务不满意，怎么投诉？", await visitor.Http.GetStringAsync("/news"));
        var search = await visitor.Http.GetStringAsync("/news?q=" + Uri.EscapeDataString("投诉"));
        Assert.Contains("对服务不满意，怎么投诉？</a>", search);
        Assert.Contains("找到 1 篇与“投诉”有关的文章。", search);

        using var english = WebSession.Anonymous(Web, "en");
        Assert.Contains("<title>Frequently asked questions · ", await english.Http.GetStringAsync("/faq"));
        Assert.Contains(">Notices</a>", await english.Http.GetStringAsync("/news"));
    }
}
