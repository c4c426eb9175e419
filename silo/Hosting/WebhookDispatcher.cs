using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using HomeService.WorkOrders;
using Npgsql;

namespace HomeService.Silo.Hosting;

/// <summary>
/// Sends webhook deliveries from the outbox. Each silo claims due rows with SKIP LOCKED, so two silos never send the
/// same delivery at once; a failure is retried with exponential backoff (up to <see cref="MaxAttempts"/>). Delivery
/// is at least once: receivers de-duplicate by the X-HomeService-Delivery id. The body is signed with HMAC-SHA256.
/// </summary>
public sealed class WebhookDispatcher(NpgsqlDataSource db, IHttpClientFactory http, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    public const int MaxAttempts = 10;
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var due = await Claim(ct);
                await Task.WhenAll(due.Select(d => Send(d, ct)));
                if (due.Count == 0) await Task.Delay(PollEvery, clock, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Webhook dispatch round failed; trying again");
                await Task.Delay(TimeSpan.FromSeconds(2), clock, ct);
            }
        }
    }

    /// <summary>
    /// Takes up to 50 due deliveries of active subscriptions and pushes their next attempt out, so a crash mid-send only
    /// delays a retry. A subscription the partner deleted, or of a partner whose keys are all revoked or expired, gets
    /// nothing more, not even the retries of earlier changes (<see cref="WebhookAudience"/>).
    /// </summary>
    private async Task<List<Due>> Claim(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            UPDATE webhook_delivery d
            SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => least(300, power(2, d.attempts + 1)))
            FROM webhook_subscription s
            WHERE s.id = d.subscription_id AND d.id IN (
                SELECT w.id FROM webhook_delivery w JOIN webhook_subscription a ON a.id = w.subscription_id
                WHERE {WebhookAudience.Receives("a")} AND w.delivered_at IS NULL AND w.next_attempt_at <= now() AND w.attempts < $1
                ORDER BY w.next_attempt_at LIMIT 50 FOR UPDATE OF w SKIP LOCKED)
            RETURNING d.id, d.event_type, d.payload::text, d.attempts, s.url, s.secret
            """);
        cmd.Parameters.Add(new() { Value = MaxAttempts });
        var due = new List<Due>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) due.Add(new Due(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetString(5)));
        return due;
    }

    private async Task Send(Due d, CancellationToken ct)
    {
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, d.Url) { Content = new StringContent(d.Body, Encoding.UTF8, "application/json") };
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString();
            request.Headers.Add("X-HomeService-Delivery", d.Id.ToString());
            request.Headers.Add("X-HomeService-Event", d.EventType);
            request.Headers.Add("X-HomeService-Timestamp", timestamp);
            request.Headers.Add("X-HomeService-Signature", $"sha256={Sign(d.Secret, timestamp, d.Body)}");
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("HomeService-Webhooks", "1"));
            using var client = http.CreateClient("webhooks");
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) error = $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A refused target says so in the delivery's last_error, rather than as a vague connection failure.
            error = e.InnerException is WebhookTargetRefusedException refused ? refused.Message : e.Message;
            if (e.InnerException is WebhookTargetRefusedException) logger.LogWarning("Webhook delivery {Delivery} refused: {Reason}", d.Id, error);
        }
        await using var cmd = db.CreateCommand(error is null
            ? "UPDATE webhook_delivery SET delivered_at = now(), last_error = NULL WHERE id = $1"
            : "UPDATE webhook_delivery SET last_error = $2 WHERE id = $1");
        cmd.Parameters.Add(new() { Value = d.Id });
        if (error is not null) cmd.Parameters.Add(new() { Value = error.Length > 500 ? error[..500] : error });
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>HMAC-SHA256 over "timestamp.body", hex: receivers recompute it with their secret and reject old timestamps.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private sealed record Due(Guid Id, string EventType, string Body, int Attempt, string Url, string Secret);
}
