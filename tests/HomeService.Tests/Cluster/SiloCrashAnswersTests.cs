using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Cluster;

/// <summary>
/// A silo killed (SIGKILL) under a steady stream of requests: no caller sees a 500. Reads and keyed creates are tried
/// again inside the web host; whatever cannot be is a 503 with Retry-After and a problem body. A keyed complaint the
/// caller retries after a 503 is made once.
/// </summary>
public sealed class SiloCrashAnswersTests
{
    private sealed record Answer(string What, int Status, bool RetryAfter, string? ProblemType);

    [Fact]
    public async Task Killing_a_silo_mid_load_gives_no_500_and_a_retried_keyed_create_makes_one_complaint()
    {
        await using var deployment = await TestDeployment.Create();
        await using var first = await SiloProcess.Start(deployment);
        await using var second = await SiloProcess.Start(deployment);
        var web = await deployment.StartWeb();
        using var supervisor = await WebSession.SignIn(web, "supervisor");
        using var agent = await WebSession.SignIn(web, "agent1");
        var answers = new System.Collections.Concurrent.ConcurrentBag<Answer>();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        async Task Loop(Func<int, Task<Answer>> send)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++) answers.Add(await send(i));
        }

        // A keyed complaint is sent until it is acknowledged, as an agent's screen retries; each key must make one complaint.
        async Task<Answer> Complaint(int i)
        {
            var key = $"crash-{i}";
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
                {
                    Content = JsonContent.Create(new { contactPhone = "13800138009", severity = "low", description = $"故障演练 {key}" }),
                };
                request.Headers.Add("Idempotency-Key", key);
                var answer = await Send(agent, request, "POST /api/complaints");
                if (answer.Status == 201) acknowledged.Add(key);
                if (answer.Status != 503 || stop.IsCancellationRequested) return answer;
                answers.Add(answer);
            }
        }

        var loops = new[]
        {
            Loop(_ => Send(supervisor, new HttpRequestMessage(HttpMethod.Get, "/api/broadcasts"), "GET /api/broadcasts")),
            Loop(_ => Send(supervisor, new HttpRequestMessage(HttpMethod.Get, "/api/work-queues/complaints"), "GET /api/work-queues/complaints")),
            Loop(i => Send(supervisor, new HttpRequestMessage(HttpMethod.Post, "/api/broadcasts") { Content = JsonContent.Create(new { text = $"演练 {i}", minutes = 5 }) },
                "POST /api/broadcasts")),
            Loop(Complaint),
        };
        await Task.Delay(TimeSpan.FromSeconds(3));
        first.Kill();
        await Task.Delay(TimeSpan.FromSeconds(12));
        stop.Cancel();
        await Task.WhenAll(loops);

        var wrong = answers.Where(a => a.Status >= 500 && (a.Status != 503 || !a.RetryAfter || a.ProblemType != "urn:homeservice:problem:unavailable")).ToList();
        Assert.True(wrong.Count == 0, "Server errors: " + string.Join("; ", wrong.Select(a => $"{a.What} {a.Status} retry-after={a.RetryAfter} {a.ProblemType}")));
        Assert.Contains(answers, a => a.Status is 200 or 201);
        foreach (var key in acknowledged.Distinct())
            Assert.Equal(1L, await deployment.Scalar<long>(
                "SELECT count(*) FROM event_log WHERE aggregate_type = 'work_order' AND event_type = 'ComplaintRegistered' AND payload::text LIKE $1",
                $"%{key}\"%"));
    }

    private static async Task<Answer> Send(WebSession who, HttpRequestMessage request, string what)
    {
        using (request)
        using (var response = await who.Http.SendAsync(request))
        {
            string? type = null;
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
                type = (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("type", out var t) ? t.GetString() : null;
            return new Answer(what, (int)response.StatusCode, response.Headers.RetryAfter is not null, type);
        }
    }
}
