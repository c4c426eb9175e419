using System.Net;
using System.Text;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Reliability;

/// <summary>Every endpoint and page × every role against the hand-written <see cref="AuthorizationTable"/>.</summary>
public sealed class AuthorizationMatrixTests(ProbeDeployment probe) : IClassFixture<ProbeDeployment>
{
    [Fact]
    public async Task The_table_has_a_row_for_exactly_the_endpoints_of_the_openapi_document()
    {
        var documented = (await ApiOperation.Read(probe.Http(Caller.Anonymous))).Select(o => o.Key).ToHashSet();
        var written = AuthorizationTable.Rows.Where(r => r.IsApi).Select(r => r.Key).ToHashSet();
        Assert.True(documented.SetEquals(written),
            $"Without a row: {string.Join(", ", documented.Except(written))}. Row without an endpoint: {string.Join(", ", written.Except(documented))}");
        Assert.Equal(AuthorizationTable.Rows.Length, AuthorizationTable.Rows.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public async Task Each_role_is_allowed_or_denied_each_endpoint_as_the_table_says()
    {
        // Rows are probed a few at a time, as several screens would: the probes change no data, so their order does not matter.
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(AuthorizationTable.Rows, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (row, _) =>
        {
            foreach (var caller in AuthorizationTable.Columns)
            {
                using var response = await Send(row, caller);
                var status = (int)response.StatusCode;
                var denied = status is 401 or 403 || IsSignInRedirect(response);
                var expected = row.Allows(caller);
                if (expected && (denied || status >= 500) || !expected && !denied)
                    failures.Add($"{row.Key} as {caller}: expected {(expected ? "allow" : "deny")}, got {status} {response.Headers.Location}");
            }
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} cells differ from the table:\n{string.Join("\n", failures.Order())}");
    }

    /// <summary>Unknown ids and an empty body: enough to pass or fail authorization without changing real data.</summary>
    private async Task<HttpResponseMessage> Send(AuthorizationTable.Row row, Caller caller)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(row.Path, @"\{(\w+)\}", m => BadInputFixture.UnknownId(m.Groups[1].Value));
        if (path.StartsWith("silo:")) return await SiloGet(path["silo:".Length..], caller);
        var signsOut = row.Key == "DELETE /api/session";
        var session = signsOut ? await probe.Another(caller) : probe.Session(caller);
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(row.Method), path);
            if (row.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            return await session.Http.SendAsync(request);
        }
        finally
        {
            if (signsOut) session.Dispose();
        }
    }

    /// <summary>The silo reads the web host's cookie (one key ring); API keys mean nothing there.</summary>
    private async Task<HttpResponseMessage> SiloGet(string path, Caller caller)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
            { BaseAddress = probe.Deployment.Silos[0].BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var session = probe.Session(caller);
        if (session.CookieHeader is { Length: > 0 } cookie) request.Headers.Add("Cookie", cookie);
        foreach (var key in session.Http.DefaultRequestHeaders.Where(h => h.Key == "X-Api-Key")) request.Headers.Add(key.Key, key.Value);
        return await http.SendAsync(request);
    }

    private static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && response.Headers.Location?.OriginalString is { } to
        && (to.Contains("/login") || to.Contains("/denied"));
}
