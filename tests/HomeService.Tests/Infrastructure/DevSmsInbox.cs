using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HomeService.Tests.Infrastructure;

/// <summary>
/// Reads what the development SMS provider "sent" the way an admin does, through /api/admin/sms/dev-inbox: a test gets a
/// resident's code from there, as the resident would from their phone, never from the database.
/// </summary>
public static partial class DevSmsInbox
{
    [GeneratedRegex("验证码为([0-9]{6})")]
    private static partial Regex CodeText();

    public static async Task<IReadOnlyList<(string Template, string Text)>> Messages(RunningWeb web, string phone)
    {
        using var admin = await WebSession.SignIn(web, "admin");
        var list = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/sms/dev-inbox?phone={phone}");
        return list.EnumerateArray().Select(m => (m.GetProperty("template").GetString()!, m.GetProperty("text").GetString()!)).ToList();
    }

    /// <summary>Asks for a code with <paramref name="send"/>, then waits for the message it sends and returns its code.</summary>
    public static async Task<string> NextCode(RunningWeb web, string phone, Func<Task> send)
    {
        var before = (await Codes(web, phone)).Count;
        await send();
        IReadOnlyList<string> codes = [];
        await Eventually.True(async () => (codes = await Codes(web, phone)).Count > before, TimeSpan.FromSeconds(30), $"a code reaches {phone}");
        return codes[0];
    }

    /// <summary>The codes sent to a number, newest first.</summary>
    public static async Task<IReadOnlyList<string>> Codes(RunningWeb web, string phone) =>
        (await Messages(web, phone)).Where(m => m.Template == "verification.code").Select(m => CodeText().Match(m.Text).Groups[1].Value).ToList();
}
