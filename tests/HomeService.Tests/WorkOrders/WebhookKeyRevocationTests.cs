using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>
/// A partner whose keys are all revoked is cut off from its webhooks as from the API: no retry of an earlier change, no
/// new change queued (a call center agent's cancellation included); once a new key is issued its webhooks work again.
/// </summary>
public sealed class WebhookKeyRevocationTests(WebhookTargetDeployment fixture) : IClassFixture<WebhookTargetDeployment>
{
    private TestDeployment Deployment => fixture.Deployment;
    private RunningWeb Web => Deployment.WebHosts[0];

    [Fact]
    public async Task A_partner_without_a_live_key_gets_no_delivery_until_a_new_key_is_issued()
    {
        using var admin = await WebSession.SignIn(Web, "admin");
        var partnerId = $"cut-{Guid.NewGuid():N}"[..20];
        var (firstKey, firstKeyId) = await Issue(admin, partnerId);
        using var partner = Partner(firstKey);
        var subscribed = await partner.PostAsJsonAsync("/api/partner/webhooks", new { url = fixture.Allowed.Url });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var subscription = Guid.Parse((await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);

        // The receiver answers 500, so while the partner holds a key its change comes again after 2, 4, 8 … seconds.
        var orderNo = await WebhookTargetDeployment.PartnerOrder(partner);
        await Eventually.True(() => Task.FromResult(!fixture.Allowed.Deliveries.IsEmpty), TimeSpan.FromSeconds(30), "the first attempt arrived");

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync($"/api/admin/keys/{firstKeyId}/revoke", new { reason = "合作终止" })).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1)); // an attempt already on its way when the revocation committed may still land
        var seen = fixture.Allowed.Deliveries.Count;
        var attempts = await Attempts(subscription);

        // An agent cancels the partner's order meanwhile: nothing is queued for the cut-off partner, nothing is retried.
        using var supervisor = await WebSession.SignIn(Web, "supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.PostAsJsonAsync($"/api/orders/{orderNo}/cancel", new { reason = "customer" })).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(7));
        Assert.Equal(seen, fixture.Allowed.Deliveries.Count);
        Assert.Equal(attempts, await Attempts(subscription));
        Assert.Equal(0L, await Deployment.Scalar<long>(
            "SELECT count(*) FROM webhook_delivery WHERE subscription_id = $1 AND payload->>'status' = 'Cancelled'", subscription));

        // A new key for the partner: its subscription is delivered to again, a new order's change among them.
        var (secondKey, _) = await Issue(admin, partnerId);
        using var returned = Partner(secondKey);
        var next = await WebhookTargetDeployment.PartnerOrder(returned);
        await Eventually.True(async () => await Deployment.Scalar<long>(
                "SELECT count(*) FROM webhook_delivery WHERE subscription_id = $1 AND payload->>'orderNo' = $2 AND attempts > 0", subscription, next) > 0,
            TimeSpan.FromSeconds(30), "the new order's change was sent");
        await Eventually.True(() => Task.FromResult(fixture.Allowed.Deliveries.Count > seen), TimeSpan.FromSeconds(30), "deliveries arrive again");
    }

    private static async Task<(string Key, string KeyId)> Issue(WebSession admin, string partnerId)
    {
        var issued = await admin.Http.PostAsJsonAsync("/api/admin/keys", new { name = "停用测试伙伴", kind = "partner", partnerId });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("apiKey").GetString()!, body.GetProperty("key").GetProperty("keyId").GetString()!);
    }

    private Task<long> Attempts(Guid subscription) =>
        Deployment.Scalar<long>("SELECT coalesce(sum(attempts), 0) FROM webhook_delivery WHERE subscription_id = $1", subscription);

    private HttpClient Partner(string key)
    {
        var http = new HttpClient { BaseAddress = Web.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }
}
