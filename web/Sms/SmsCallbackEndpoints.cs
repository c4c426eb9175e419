using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomeService.Web.Api;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Sms;

/// <summary>
/// Where the providers push status reports and replies. Neither provider signs its callbacks, so provenance is a secret
/// token in the callback address the operator registers at the provider's console; the center keeps only its SHA-256
/// ("HomeService:Sms:CallbackTokenSha256"). Without it configured, every push is refused. Each push is answered
/// after one statement, well inside Alibaba Cloud's 700 ms.
/// </summary>
public static class SmsCallbackEndpoints
{
    public static readonly string[] Providers = ["aliyun", "tencent"];

    public static RouteGroupBuilder MapSmsCallbackEndpoints(this RouteGroupBuilder api)
    {
        // One address per provider, so the token is the address's only variable part.
        foreach (var provider in Providers)
        {
            var group = api.MapGroup($"/sms/providers/{provider}").AllowAnonymous().DisableAntiforgery().WithTags("SMS provider callbacks");
            group.MapPost("/reports/{token}", (string token, HttpRequest request, IConfiguration config, SmsCallbackStore store, TimeProvider clock) =>
                    Reports(provider, token, request, config, store, clock))
                .WithSummary($"{provider}: status reports (状态报告)")
                .WithDescription(provider == "aliyun"
                    ? "Alibaba Cloud's SmsReport push (a JSON array). token: the callback secret. A report for a message already delivered or failed changes nothing."
                    : "Tencent Cloud's status callback (a JSON array). token: the callback secret. A report for a message already delivered or failed changes nothing.");
            group.MapPost("/replies/{token}", (string token, HttpRequest request, IConfiguration config, SmsCallbackStore store, IGrainFactory grains,
                    TimeProvider clock) => Replies(provider, token, request, config, store, grains, clock))
                .WithSummary($"{provider}: replies from phones (上行短信)")
                .WithDescription((provider == "aliyun" ? "Alibaba Cloud's SmsUp push (a JSON array). " : "Tencent Cloud's reply callback (one JSON object). ")
                    + "TD, T or R (退订, 拒收) unsubscribes the number from group notices on every provider; it never stops codes or messages about "
                    + "the resident's own orders. A reply of 1–5 to the follow-up SMS is that order's follow-up score (the first rating from any channel counts).");
        }
        return api;
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> Reports(string provider, string token, HttpRequest request, IConfiguration config,
        SmsCallbackStore store, TimeProvider clock)
    {
        if (Refused(token, config) is { } refused) return refused;
        if (await Body(request) is not { } body) return Problems.Status(400, ProblemTypes.BadRequest, "The body is not JSON.");
        await store.ApplyReports(ProviderCallbacks.Reports(provider, body), clock.GetUtcNow());
        return TypedResults.Ok(ProviderCallbacks.Acknowledgement(provider));
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> Replies(string provider, string token, HttpRequest request, IConfiguration config,
        SmsCallbackStore store, IGrainFactory grains, TimeProvider clock)
    {
        if (Refused(token, config) is { } refused) return refused;
        if (await Body(request) is not { } body) return Problems.Status(400, ProblemTypes.BadRequest, "The body is not JSON.");
        foreach (var reply in await store.ApplyReplies(ProviderCallbacks.Replies(provider, body, clock.GetUtcNow())))
            await FollowUp(reply, store, grains, clock);
        return TypedResults.Ok(ProviderCallbacks.Acknowledgement(provider));
    }

    /// <summary>
    /// A score reply becomes the follow-up (回访) of the order whose follow-up SMS the number got last, through the same
    /// command as the agent's call and the IVR; the order keeps only its first rating. A reply to no follow-up is kept,
    /// applied to nothing.
    /// </summary>
    private static async Task FollowUp(SmsCallbackStore.ScoreReply reply, SmsCallbackStore store, IGrainFactory grains, TimeProvider clock)
    {
        var orderNo = await store.FollowUpOrder(reply.Phone, reply.SentAt);
        if (orderNo is not null)
            await grains.GetGrain<IWorkOrderGrain>(orderNo).RecordFollowUp(
                new FollowUpOutcome("sms", reply.Score, Resolved: true, Comment: null, Unreachable: false, Actor: $"sms:{reply.Phone}"));
        await store.MarkApplied(reply.Id, orderNo, clock.GetUtcNow());
    }

    /// <summary>Forbidden without the right token, and always while no token is configured.</summary>
    private static ProblemHttpResult? Refused(string token, IConfiguration config)
    {
        var expected = config["HomeService:Sms:CallbackTokenSha256"];
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var want = expected is { Length: 64 } && expected.All(char.IsAsciiHexDigit) ? Convert.FromHexString(expected) : new byte[hash.Length];
        return expected is { Length: 64 } && CryptographicOperations.FixedTimeEquals(hash, want) ? null
            : Problems.Status(403, ProblemTypes.Forbidden, "The callback token is not valid.");
    }

    private static async Task<JsonElement?> Body(HttpRequest request)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
