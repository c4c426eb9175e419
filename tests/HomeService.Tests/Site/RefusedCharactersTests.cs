using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using HomeService.Tests.Doors;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Site;

/// <summary>
/// The character rule where text enters outside the API's bodies: a page's form or query holding a NUL or a bidi
/// override is a 400 naming the field in the reader's language, with nothing kept; an SMS provider's reply holding one
/// is taken (a refusal would be pushed again forever) and kept with it replaced.
/// </summary>
public sealed class RefusedCharactersTests : IAsyncLifetime
{
    private const string CallbackToken = "cb-chars-5Kd8";
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new()
    {
        ["HomeService:Sms:CallbackTokenSha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(CallbackToken))),
    });

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task A_callback_form_with_a_bidi_override_in_the_number_is_refused_in_chinese_naming_the_field_and_nothing_waits()
    {
        using var session = WebSession.Anonymous(Web, "zh-CN");
        await AssertRefusedAndNotWaiting(await (await CallbackForm.Open(session)).Submit("1395555\u202e3011"), "13955553011",
            "电话号码含有不允许的字符。", "data-field=\"form.phone\"", "href=\"/callback\"");
    }

    [Fact]
    public async Task A_nul_in_a_field_is_refused_in_english_before_the_page_looks_at_it()
    {
        using var session = WebSession.Anonymous(Web, "en");
        await AssertRefusedAndNotWaiting(await (await CallbackForm.Open(session)).Submit("13955553012", topic: "service\0"), "13955553012",
            "What it is about contains characters that are not allowed.", "Back to the form");
    }

    /// <summary>A 400 page saying each of <paramref name="parts"/>, and no callback waiting for the number.</summary>
    private async Task AssertRefusedAndNotWaiting(HttpResponseMessage answer, string phone, params string[] parts)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var page = await answer.Content.ReadAsStringAsync();
        Assert.All(parts, part => Assert.Contains(part, page));
        Assert.Equal(0L, await _deployment.Scalar<long>("SELECT count(*) FROM call_record WHERE caller = $1", phone));
    }

    [Fact]
    public async Task A_page_asked_for_with_a_nul_in_its_query_answers_400_not_500()
    {
        using var session = WebSession.Anonymous(Web, "en");
        var answer = await session.Http.GetAsync("/search?q=%E4%BF%9D%00%E6%B4%81");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("data-field=\"q\"", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_residents_reply_holding_a_nul_is_acknowledged_and_kept_with_the_character_replaced()
    {
        var provider = WebSession.Anonymous(Web).Http;
        var reply = new { extend = "", mobile = "13512349077", nationcode = "86", sign = "郑州家政", text = "好\u0000\u202e的", time = 1765000000 };
        var answer = await provider.PostAsJsonAsync($"/api/sms/providers/tencent/replies/{CallbackToken}", reply);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(0, (await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("result").GetInt32());
        Assert.Equal("好\uFFFD\uFFFD的", await _deployment.Scalar<string>("SELECT text FROM sms_reply WHERE phone = '13512349077'"));
    }
}
