namespace HomeService.WorkOrders;

[GenerateSerializer, Immutable, Alias("HomeService.WorkOrders.WebhookSubscription")]
public sealed record WebhookSubscription(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Url,
    [property: Id(2)] string? Secret,
    [property: Id(3)] DateTimeOffset CreatedAt);

/// <summary>
/// A partner's webhook subscriptions. Key: the partner id its API keys speak for (the key id for a key from before partner
/// ids; the read table still calls it partner_key_id). The secret is returned only once.
/// </summary>
[Alias("HomeService.WorkOrders.IPartnerWebhooksGrain")]
public interface IPartnerWebhooksGrain : IGrainWithStringKey
{
    [Alias("Subscribe")] Task<CommandResult<WebhookSubscription>> Subscribe(string url);
    [Alias("List")] Task<IReadOnlyList<WebhookSubscription>> List();
    [Alias("Unsubscribe")] Task<bool> Unsubscribe(Guid id);
}
