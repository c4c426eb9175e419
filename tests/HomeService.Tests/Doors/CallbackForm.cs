using System.Net;
using System.Text.RegularExpressions;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Doors;

/// <summary>The free-callback form (/callback) as a browser has it: read the page, then post its tokens back with a number.</summary>
public sealed partial class CallbackForm(WebSession session, string antiforgery, string token)
{
    public static async Task<CallbackForm> Open(WebSession session)
    {
        var html = await session.Http.GetStringAsync("/callback");
        return new CallbackForm(session, WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value), FormToken().Match(html).Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> Post(WebSession session, string phone) => await (await Open(session)).Submit(phone);

    public Task<HttpResponseMessage> Submit(string phone, string topic = "service") =>
        session.Http.PostAsync("/callback", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["Form.Token"] = token, ["Form.Phone"] = phone, ["Form.Topic"] = topic,
        }));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"Form.Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormToken();
}
