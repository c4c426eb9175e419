using System.Net;
using System.Text.RegularExpressions;
using HomeService.Silo.Hosting;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Web;

/// <summary>
/// A partner's developer follows the guide at /developers: the worked example's secret, timestamp and body, signed by the
/// signer our webhooks really use, give exactly the signature the page prints, in Chinese and in English.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class PartnerGuideTests(SharedDeployment shared)
{
    [Theory]
    [InlineData("zh-CN", "合作方接入指南")]
    [InlineData("en", "Partner integration guide")]
    public async Task The_guides_worked_example_is_what_our_webhook_signer_computes(string language, string title)
    {
        using var developer = WebSession.Anonymous(shared.WebA, language);
        var response = await developer.Http.GetAsync("/developers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(title, html);
        Assert.Contains("Idempotency-Key", html);
        Assert.Contains("X-HomeService-Signature", html);

        string Value(string id) => WebUtility.HtmlDecode(Regex.Match(html, $"<code id=\"{id}\">([^<]*)</code>").Groups[1].Value);
        var (secret, timestamp, body, signature) = (Value("example-secret"), Value("example-timestamp"), Value("example-body"), Value("example-signature"));
        Assert.NotEmpty(secret);
        Assert.NotEmpty(body);
        Assert.Matches("^[0-9a-f]{64}$", signature);
        Assert.Equal(WebhookDispatcher.Sign(secret, timestamp, body), signature);
    }
}
