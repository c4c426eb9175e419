using System.Security.Claims;
using HomeService.CallCenter.Campaigns;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// IVR outbound campaigns (IVR外呼), for supervisors and admins. A follow-up campaign (回访) calls the contacts of
/// completed orders whose follow-up is due and hands each "press 1 to 5" answer to the order; a notice campaign calls
/// a list of numbers. Numbers are shown masked: whoever reads the results has no need of them.
/// </summary>
public static class CampaignEndpoints
{
    public const string DefaultFollowUpPrompt = "您好，这里是家政服务网络中心回访。请为本次服务打分：非常满意请按5，满意请按4，一般请按3，不满意请按2，非常不满意请按1。";

    public sealed record CampaignRequest(string? Name, string? Kind, string? Prompt, IReadOnlyList<string>? Numbers, IReadOnlyList<string>? OrderNos,
        int? Pacing, int? RetryAfterMinutes, int? MaxAttempts, string? AllowedFrom, string? AllowedTo);

    public static RouteGroupBuilder MapCampaignEndpoints(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("IVR campaigns").RequireAuthorization(Policies.Supervisor);
        campaigns.MapGet("/", async (CampaignReader reader) => TypedResults.Ok(await reader.List()));
        campaigns.MapPost("/", Create)
            .WithSummary("Create an IVR outbound campaign")
            .WithDescription("kind follow-up (numbers from orderNos, or every order whose follow-up is due) or notice (numbers). Defaults: "
                + "pacing 5 calls in flight, retryAfterMinutes 30, maxAttempts 3, allowed 09:00-20:00 Asia/Shanghai. Created paused (Draft): start it.");
        campaigns.MapGet("/{campaignId}", Get).WithSummary("A campaign with its per-number results");
        campaigns.MapPost("/{campaignId}/start", (string campaignId, ClaimsPrincipal u, IGrainFactory g, UiText t) => Command(campaignId, u, g, t, (c, a) => c.Start(a)));
        campaigns.MapPost("/{campaignId}/pause", (string campaignId, ClaimsPrincipal u, IGrainFactory g, UiText t) => Command(campaignId, u, g, t, (c, a) => c.Pause(a)));
        return api;
    }

    private static async Task<Results<Created<CampaignView>, ValidationProblem>> Create(CampaignRequest body, ClaimsPrincipal user,
        CampaignReader reader, IGrainFactory grains, UiText text)
    {
        var (view, errors) = await CreateCampaign(body, user.Identity!.Name!, reader, grains);
        return view is not null ? TypedResults.Created($"/api/campaigns/{view.CampaignId}", view) : Problems.Validation(text, errors, "campaign");
    }

    /// <summary>Checks a new campaign and creates it in Draft (the API and the /campaigns page both come here); errors by field.</summary>
    public static async Task<(CampaignView? View, Dictionary<string, string[]> Errors)> CreateCampaign(CampaignRequest body, string by,
        CampaignReader reader, IGrainFactory grains)
    {
        var kind = body.Kind?.Trim().ToLowerInvariant() ?? "";
        var errors = new Dictionary<string, string[]>();
        List<CampaignNumber> numbers = [];
        if (kind == CampaignSpec.FollowUp)
        {
            if (body.OrderNos is { Count: > CampaignSpecRules.MaxNumbers }) errors["orderNos"] = [$"max_count:{CampaignSpecRules.MaxNumbers}"];
            else
            {
                var wanted = body.OrderNos?.Select(o => o?.Trim() ?? "").Distinct().ToList();
                var due = await reader.FollowUpsDue(wanted, CampaignSpecRules.MaxNumbers);
                if (wanted is not null && wanted.Any(o => !due.ContainsKey(o))) errors["orderNos"] = ["not-due"];
                numbers = due.Select(d => new CampaignNumber(d.Value, d.Key)).ToList();
            }
        }
        else if (body.Numbers is { Count: > CampaignSpecRules.MaxNumbers }) errors["numbers"] = [$"max_count:{CampaignSpecRules.MaxNumbers}"];
        else numbers = (body.Numbers ?? []).Select(n => new CampaignNumber(PhoneNumber.Normalize(n ?? ""), null)).DistinctBy(n => n.Number).ToList();

        var spec = new CampaignSpec(body.Name?.Trim() ?? "", kind,
            string.IsNullOrWhiteSpace(body.Prompt) && kind == CampaignSpec.FollowUp ? DefaultFollowUpPrompt : body.Prompt?.Trim() ?? "",
            numbers, body.Pacing ?? 5, body.RetryAfterMinutes ?? 30, body.MaxAttempts ?? 3, body.AllowedFrom?.Trim() ?? "09:00",
            body.AllowedTo?.Trim() ?? "20:00", by);
        foreach (var (field, codes) in CampaignSpecRules.Check(spec)) errors.TryAdd(field == "numbers" && kind == CampaignSpec.FollowUp ? "orderNos" : field, codes);
        if (errors.Count > 0) return (null, errors);
        var id = $"cmp-{Guid.NewGuid():N}"[..14];
        var result = await grains.GetGrain<ICampaignGrain>(id).Create(spec);
        return result.Succeeded ? (Masked(result.Value!), errors) : (null, new Dictionary<string, string[]>(result.Errors!));
    }

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> Get(string campaignId, IGrainFactory grains) =>
        campaignId.Length <= 64 && await grains.GetGrain<ICampaignGrain>(campaignId).Get() is { } view
            ? TypedResults.Ok(Masked(view))
            : Problems.Status(404, ProblemTypes.NotFound, "No such campaign.");

    private static async Task<Results<Ok<CampaignView>, ValidationProblem, ProblemHttpResult>> Command(string campaignId, ClaimsPrincipal user,
        IGrainFactory grains, UiText text, Func<ICampaignGrain, string, Task<CommandResult<CampaignView>>> action)
    {
        var campaign = grains.GetGrain<ICampaignGrain>(campaignId);
        if (campaignId.Length > 64 || await campaign.Get() is null) return Problems.Status(404, ProblemTypes.NotFound, "No such campaign.");
        var result = await action(campaign, user.Identity!.Name!);
        return result.Succeeded ? TypedResults.Ok(Masked(result.Value!)) : Problems.Validation(text, result.Errors!, "campaign");
    }

    public static CampaignView Masked(CampaignView view) =>
        view with { Targets = view.Targets.Select(t => t with { Number = PersonalData.MaskPhone(t.Number) }).ToList() };
}
