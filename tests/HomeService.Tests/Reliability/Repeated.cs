using System.Net;

namespace HomeService.Tests.Reliability;

/// <summary>One request sent three times: one after another (a client retrying) or all at once (retries racing, a double click).</summary>
public static class Repeated
{
    public sealed record Answer(HttpStatusCode Status, string Body);

    public static async Task<IReadOnlyList<Answer>> Thrice(Func<Task<HttpResponseMessage>> send, bool atOnce)
    {
        async Task<Answer> Once()
        {
            using var response = await send();
            return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        return atOnce ? await Task.WhenAll(Once(), Once(), Once()) : [await Once(), await Once(), await Once()];
    }
}
