using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace HomeService.Bench.Scenarios;

/// <summary>
/// Agents for the bench: written before the call center first reads its directory (agent rows, accounts with hashed
/// passwords), then each signed in over HTTP, logged in to its seat, ready, and connected to the hub by WebSockets.
/// </summary>
public sealed class BenchAgents : IAsyncDisposable
{
    public const string Password = "Bench@2026";

    public sealed record Agent(string Id, string Login, HttpClient Http, HubConnection Hub);

    public List<Agent> All { get; } = [];

    public static async Task Seed(string connectionString, IClusterClient cluster, int count)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using (var cmd = db.CreateCommand("""
            INSERT INTO agent (id, name, extension, skills)
            SELECT 'BA' || lpad(n::text, 4, '0'), '压测座席 ' || n, (70000 + n)::text, '{"service": 4}'::jsonb FROM generate_series(1, $1) n
            ON CONFLICT (id) DO NOTHING
            """))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = count });
            await cmd.ExecuteNonQueryAsync();
        }
        await cluster.GetGrain<HomeService.CallCenter.ICallCenterDirectoryGrain>(0).Reload(); // a bulk import into the read tables
        var hasher = new PasswordHasher<UserAccount>();
        var template = new UserAccount(Guid.Empty, "", "", [Roles.Agent], "", null, null, null, null, false);
        var hash = hasher.HashPassword(template, Password); // one hash serves all: the bench measures calls, not sign-in
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) =>
        {
            var id = $"BA{n:0000}";
            await cluster.GetGrain<IUserAccountGrain>(id.ToLowerInvariant()).Create(
                template with { UserId = Guid.NewGuid(), Login = id.ToLowerInvariant(), DisplayName = $"压测座席 {n}", PasswordHash = hash, AgentId = id },
                "bench");
        });
    }

    private const string RequestTokenHeader = "X-Request-Token"; // web/Auth/RequestToken.cs
    private const string RequestTokenCookie = "HomeService.RequestToken";

    /// <summary>Agents BA{first} … BA{first + count - 1}, on one web host.</summary>
    public static async Task<BenchAgents> Connect(Uri web, int count, Action<Agent, JsonElement> onPush, int first = 1)
    {
        var agents = new BenchAgents();
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
        {
            var id = $"BA{n:0000}";
            var cookies = new CookieContainer();
            var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = web };
            (await http.PostAsJsonAsync("/api/session", new { login = id.ToLowerInvariant(), password = Password })).EnsureSuccessStatusCode();
            // A cookie-signed-in write carries the request token the sign-in left in its script-readable cookie, as the console's script sends it.
            http.DefaultRequestHeaders.Add(RequestTokenHeader, Uri.UnescapeDataString(cookies.GetCookies(web)[RequestTokenCookie]!.Value));
            (await http.PostAsync("/api/console/login", null)).EnsureSuccessStatusCode();
            (await http.PostAsync("/api/console/ready", null)).EnsureSuccessStatusCode();
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(web, "/hubs/live"), o =>
                {
                    o.Headers["Cookie"] = cookies.GetCookieHeader(web);
                    o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                })
                .Build();
            var agent = new Agent(id, id.ToLowerInvariant(), http, hub);
            hub.On<JsonElement>("push", p => onPush(agent, p));
            await hub.StartAsync();
            lock (agents.All) agents.All.Add(agent);
        });
        return agents;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var a in All)
        {
            await a.Hub.DisposeAsync();
            a.Http.Dispose();
        }
    }
}
