using System.Text.Json;

namespace HomeService.Tests.Reliability;

/// <summary>What a client was told: a request that must be acknowledged (2xx), and the body it got back.</summary>
public static class Acknowledged
{
    public static async Task<JsonElement> Body(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
