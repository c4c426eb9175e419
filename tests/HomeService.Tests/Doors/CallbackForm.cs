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

    public Task<HttpResponseMessage> SendCode(string phone) => Post("/callback?handler=SendCode", phone, "service", null);

    public Task<HttpResponseMessage> Submit(string phone, string topic = "service", string? code = null) => Post("/callback", phone, topic, code);

    private Task<HttpResponseMessage> Post(string path, string phone, string topic, string? code)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["Form.Token"] = token, ["Form.Phone"] = phone, ["Form.Topic"] = topic,
        };
        if (code is not null) fields["Form.Code"] = code;
        return session.Http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"Form.Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormToken();
}
