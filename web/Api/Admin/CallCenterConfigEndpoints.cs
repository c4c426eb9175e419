using System.Security.Claims;
using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>话务配置: agent seats and queues, changed live through the directory grain, each change a version. Admins only.</summary>
public static class CallCenterConfigEndpoints
{
    public sealed record SeatRequest(string? AgentId, string? Name, string? Extension, IReadOnlyDictionary<string, int>? Skills, string? TeamId);

    public sealed record QueueTierRequest(int AfterSeconds, string? Skill, int MinProficiency);

    public sealed record QueueRequest(string? QueueId, string? NameZh, string? NameEn, string? Strategy, IReadOnlyList<QueueTierRequest>? Tiers,
        int? RingTimeoutSeconds, int? MaxNoAnswers, int? WrapUpSeconds, int? MaxWaitSeconds, string? OverflowQueueId, bool? OfferCallback,
        int? AnnounceEverySeconds, IReadOnlyList<string>? TopDownOrder);

    public sealed record Revert(int Version);

    public static RouteGroupBuilder MapCallCenterConfigEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/call-center").RequireAuthorization(Policies.Admin).WithTags("Back office: call center");
        group.MapGet("/seats", async (IGrainFactory grains) => TypedResults.Ok(await Directory(grains).GetAgents()));
        group.MapPost("/seats", (SeatRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            Seat(Directory(grains).CreateAgent(ToSeat(body.AgentId, body), AccountCommands.Actor(user)), text));
        group.MapPut("/seats/{agentId}", (string agentId, SeatRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            Seat(Directory(grains).UpdateAgent(ToSeat(agentId, body), AccountCommands.Actor(user)), text));
        group.MapGet("/queues", async (IGrainFactory grains) => TypedResults.Ok(await Directory(grains).GetQueues()));
        group.MapPost("/queues", CreateQueue);
        group.MapPut("/queues/{queueId}", UpdateQueue);
        group.MapGet("/queues/{queueId}/versions", async (string queueId, IGrainFactory grains) =>
            TypedResults.Ok(queueId.Length > 64 ? [] : await Directory(grains).QueueHistory(queueId)));
        group.MapPost("/queues/{queueId}/revert", async (string queueId, Revert body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            queueId.Length > 64 ? NotFound() : await Queue(Directory(grains).RevertQueue(queueId, body.Version, AccountCommands.Actor(user)), text));
        group.MapGet("/reasons", async (IGrainFactory grains) => TypedResults.Ok(await Directory(grains).GetNotReadyReasons()));
        group.MapPut("/reasons/{code}", async Task<Results<Ok<NotReadyReason>, ValidationProblem>> (string code, NotReadyReasonRequest body, ClaimsPrincipal user,
            IGrainFactory grains, UiText text) =>
        {
            var result = await Directory(grains).SaveNotReadyReason(new NotReadyReason(code, body.NameZh ?? "", body.NameEn ?? "", body.Active ?? true),
                AccountCommands.Actor(user));
            return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!, "reason");
        });
        return api;
    }

    public sealed record NotReadyReasonRequest(string? NameZh, string? NameEn, bool? Active);

    private static ICallCenterDirectoryGrain Directory(IGrainFactory grains) => grains.GetGrain<ICallCenterDirectoryGrain>(0);

    private static async Task<Results<Created<QueueConfig>, ValidationProblem>> CreateQueue(QueueRequest body, ClaimsPrincipal user,
        IGrainFactory grains, UiText text)
    {
        var (config, errors) = ToQueue(body.QueueId ?? "", body, Defaults);
        if (errors.Count > 0) return Problems.Validation(text, errors, "queue");
        var result = await Directory(grains).CreateQueue(config, AccountCommands.Actor(user));
        return result.Succeeded
            ? TypedResults.Created($"/api/admin/call-center/queues/{result.Value!.QueueId}", result.Value)
            : Problems.Validation(text, result.Errors!, "queue");
    }

    private static async Task<Results<Ok<QueueConfig>, ValidationProblem, ProblemHttpResult>> UpdateQueue(string queueId, QueueRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (queueId.Length > 64 || await Directory(grains).GetQueue(queueId) is not { } current) return NotFound();
        var (config, errors) = ToQueue(queueId, body, current);
        if (errors.Count > 0) return Problems.Validation(text, errors, "queue");
        return await Queue(Directory(grains).UpdateQueue(config, AccountCommands.Actor(user)), text);
    }

    /// <summary>A new queue starts from the settings most centers use (80/20, 20 s ring, 30 s wrap-up, 5 minutes' wait, callback offered).</summary>
    public static readonly QueueConfig Defaults = new("", "", "", RoutingStrategy.LongestIdleAgent, [], 20, 3, 30, 300, null, true, 30, []);

    /// <summary>The request over a starting point: omitted fields keep what the queue has (or the defaults for a new one).</summary>
    public static (QueueConfig Config, Dictionary<string, string[]> Errors) ToQueue(string queueId, QueueRequest body, QueueConfig current)
    {
        var errors = new Dictionary<string, string[]>();
        var strategy = current.Strategy;
        if (body.Strategy is not null && !RoutingStrategies.TryParse(body.Strategy, out strategy)) errors["strategy"] = ["unknown"];
        var config = current with
        {
            QueueId = queueId,
            NameZh = body.NameZh ?? current.NameZh,
            NameEn = body.NameEn ?? current.NameEn,
            Strategy = strategy,
            Tiers = body.Tiers?.Select(t => new ExpansionTier(t.AfterSeconds, t.Skill?.Trim() ?? "", t.MinProficiency)).ToList() ?? current.Tiers,
            RingTimeoutSeconds = body.RingTimeoutSeconds ?? current.RingTimeoutSeconds,
            MaxNoAnswers = body.MaxNoAnswers ?? current.MaxNoAnswers,
            WrapUpSeconds = body.WrapUpSeconds ?? current.WrapUpSeconds,
            MaxWaitSeconds = body.MaxWaitSeconds ?? current.MaxWaitSeconds,
            OverflowQueueId = body.OverflowQueueId is null ? current.OverflowQueueId : body.OverflowQueueId == "" ? null : body.OverflowQueueId,
            OfferCallback = body.OfferCallback ?? current.OfferCallback,
            AnnounceEverySeconds = body.AnnounceEverySeconds ?? current.AnnounceEverySeconds,
            TopDownOrder = body.TopDownOrder?.Select(a => a ?? "").ToList() ?? current.TopDownOrder,
        };
        return (config, errors);
    }

    public static AgentProfile ToSeat(string? agentId, SeatRequest body) =>
        new(agentId ?? "", body.Name ?? "", body.Extension ?? "", body.Skills?.Where(s => s.Key is not null).ToDictionary(s => s.Key, s => s.Value)
            ?? new Dictionary<string, int>(), body.TeamId);

    private static async Task<Results<Ok<AgentProfile>, ValidationProblem>> Seat(Task<CommandResult<AgentProfile>> command, UiText text)
    {
        var result = await command;
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!, "seat");
    }

    private static async Task<Results<Ok<QueueConfig>, ValidationProblem, ProblemHttpResult>> Queue(Task<CommandResult<QueueConfig>> command, UiText text)
    {
        var result = await command;
        if (result.Errors is { } e && e.TryGetValue("queueId", out var codes) && codes.Contains("unknown")) return NotFound();
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!, "queue");
    }

    private static ProblemHttpResult NotFound() => Problems.Status(404, ProblemTypes.NotFound, "No such queue.");
}
