namespace HomeService.WorkOrders;

/// <summary>
/// Who webhooks go to: an active subscription of a partner that still holds a live key (unrevoked, unexpired). A partner
/// whose keys are all revoked has been cut off: it could no longer read the orders the webhooks describe, so it is not
/// told about them either, just as a deleted subscription is not. Like one, it gets no new change queued and no retry of
/// an earlier one; unlike one, it comes back: once a new key is issued, the next changes are delivered again.
/// One condition for the outbox writer (<c>WorkOrderGrain</c>) and the dispatcher (<c>WebhookDispatcher</c>).
/// </summary>
public static class WebhookAudience
{
    /// <summary>SQL: the subscription row aliased <paramref name="subscription"/> may be delivered to now.</summary>
    public static string Receives(string subscription) => $"""
        {subscription}.active AND EXISTS (SELECT 1 FROM api_key k WHERE k.kind = 'partner' AND k.partner_id = {subscription}.partner_key_id
            AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now()))
        """;
}
