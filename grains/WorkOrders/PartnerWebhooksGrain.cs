using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.WorkOrders;

/// <summary>
/// A partner's webhook subscriptions, loaded from their read table on activation. Each subscription is its own
/// small aggregate in the event log (subscribed, then perhaps unsubscribed).
/// </summary>
public sealed class PartnerWebhooksGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock, WebhookTargetRule targets)
    : Grain, IPartnerWebhooksGrain
{
    private const int MaxSubscriptions = 10;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<Guid, WebhookSubscription> _subscriptions = new();
    private readonly Dictionary<Guid, string> _secrets = new();

    private string PartnerId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT id, url, created_at, secret FROM webhook_subscription WHERE partner_key_id = $1 AND active");
        cmd.Parameters.Add(new() { Value = PartnerId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            _subscriptions[r.GetGuid(0)] = new WebhookSubscription(r.GetGuid(0), r.GetString(1), null, r.GetFieldValue<DateTimeOffset>(2));
            _secrets[r.GetGuid(0)] = r.GetString(3);
        }
    }

    public async Task<CommandResult<WebhookSubscription>> Subscribe(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url.Length > 500)
            return CommandResult<WebhookSubscription>.Invalid(new Dictionary<string, string[]> { ["url"] = ["format:url"] });
        if (await PointsInside(uri))
            return CommandResult<WebhookSubscription>.Invalid(new Dictionary<string, string[]> { ["url"] = ["inside_address"] });
        // Subscribing a url that is already subscribed (a retry, a double click) answers with that subscription, secret
        // included: the partner sees one subscription and gets each event once.
        if (_subscriptions.Values.FirstOrDefault(s => s.Url == url) is { } existing)
            return CommandResult<WebhookSubscription>.Ok(existing with { Secret = _secrets[existing.Id] });
        if (_subscriptions.Count >= MaxSubscriptions)
            return CommandResult<WebhookSubscription>.Invalid(new Dictionary<string, string[]> { ["url"] = [$"max_count:{MaxSubscriptions}"] });
        var subscription = new WebhookSubscription(Guid.NewGuid(), url, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), clock.GetUtcNow());
        await log.AppendAsync(EventAppend.Of(
            new EventRecord("webhook_subscription", subscription.Id.ToString(), 1, "WebhookSubscribed",
                JsonSerializer.Serialize(new { partnerKeyId = PartnerId, url }, Json), $"partner:{PartnerId}", subscription.CreatedAt),
            new ReadModelWrite("INSERT INTO webhook_subscription (id, partner_key_id, url, secret, created_at) VALUES ($1, $2, $3, $4, $5)",
                subscription.Id, PartnerId, url, subscription.Secret, subscription.CreatedAt)));
        _subscriptions[subscription.Id] = subscription with { Secret = null };
        _secrets[subscription.Id] = subscription.Secret!;
        return CommandResult<WebhookSubscription>.Ok(subscription);
    }

    /// <summary>
    /// Told at once rather than at the first delivery: an address, or a name that resolves now, inside the center's
    /// network. A name that does not resolve yet is taken; every delivery checks the address it connects to anyway
    /// (<c>WebhookConnections</c>), which also catches a name that resolves elsewhere later.
    /// </summary>
    private async Task<bool> PointsInside(Uri uri)
    {
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
            return !targets.Allows(IPAddress.Parse(uri.Host.Trim('[', ']')));
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            return (await Dns.GetHostAddressesAsync(uri.IdnHost, timeout.Token)).Any(a => !targets.Allows(a));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException)
        {
            return false;
        }
    }

    public Task<IReadOnlyList<WebhookSubscription>> List() =>
        Task.FromResult<IReadOnlyList<WebhookSubscription>>(_subscriptions.Values.OrderBy(s => s.CreatedAt).ToList());

    public async Task<bool> Unsubscribe(Guid id)
    {
        if (!_subscriptions.Remove(id)) return false;
        _secrets.Remove(id);
        await log.AppendAsync(EventAppend.Of(
            new EventRecord("webhook_subscription", id.ToString(), 2, "WebhookUnsubscribed", "{}", $"partner:{PartnerId}", clock.GetUtcNow()),
            new ReadModelWrite("UPDATE webhook_subscription SET active = false WHERE id = $1", id)));
        return true;
    }
}
