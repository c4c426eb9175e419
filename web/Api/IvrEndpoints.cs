using System.Security.Claims;
using System.Text.RegularExpressions;
using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace HomeService.Web.Api;

/// <summary>
/// The platform IVR flows (IVR流程), one per dialled number, versioned. Admins and supervisors read them (supervisors
/// need to know what callers hear); only admins publish a new version: a flow is configuration of the whole center.
/// A call keeps the version it entered with. Each publish and restore is audited with the versions before and after; the
/// page /admin/call-center/ivr/{dialled} edits the same flows through the same grain.
/// </summary>
public static partial class IvrEndpoints
{
    public sealed record IvrFlowSummary(string Dialled, int Version, string CreatedBy, DateTimeOffset CreatedAt);

    /// <summary>The earlier version to publish again.</summary>
    public sealed record RestoreRequest(int? Version);

    public static RouteGroupBuilder MapIvrEndpoints(this RouteGroupBuilder api)
    {
        var flows = api.MapGroup("/ivr/flows").WithTags("IVR");
        flows.MapGet("/", List).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Numbers with a platform IVR flow and their current version");
        flows.MapGet("/{dialled}", Get).RequireAuthorization(Policies.Supervisor)
            .WithSummary("A number's IVR flow: the current version, or ?version=N");
        flows.MapPut("/{dialled}", Publish).RequireAuthorization(Policies.Admin)
            .WithSummary("Publish a new version of a number's IVR flow")
            .WithDescription("The body is the flow: root (a menu id) and menus (id [a-z0-9-]{1,32} → name, prompt, timeoutSeconds 1-60, "
                + "retries 0-5, options [{digit 0-9*#, label, action}], fallback action). An action has kind menu (target: a menu id), "
                + "queue (target: a queue id, priority 0-10), agent, callback, voicemail, info (text: spoken, then the call ends) or "
                + "self-service (order status by number). Refused with 400 when a caller could get lost: errors are keyed by the "
                + "path of the broken part (menus.main.options.4.action.target: unknown menu; menus.x: dead end or unreachable; "
                + "menus.x.fallback: no fallback or a fallback loop). A flow equal to the current one publishes nothing and answers the "
                + "current version. Calls already in the flow keep their version. See docs/telephony.md.");
        flows.MapGet("/{dialled}/versions", Versions).RequireAuthorization(Policies.Supervisor)
            .WithSummary("A number's IVR flow versions, newest first: who published each, when, and which earlier version a restore brought back");
        flows.MapPost("/{dialled}/restore", Restore).RequireAuthorization(Policies.Admin)
            .WithSummary("Publish an earlier version of a number's IVR flow again, as a new version")
            .WithDescription("The body names the version: {\"version\": 1}; 404 when the number has no such version. The earlier flow is "
                + "checked against today's queues like any new one (400 with the paths of what broke). Restoring the current version "
                + "changes nothing.");
        return api;
    }

    private static async Task<Ok<List<IvrFlowSummary>>> List(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("""
            SELECT DISTINCT ON (dialled) dialled, version, created_by, created_at FROM ivr_flow ORDER BY dialled, version DESC
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<IvrFlowSummary>();
        while (await r.ReadAsync()) list.Add(new(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)));
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<IvrFlowVersion>, ProblemHttpResult>> Get(string dialled, int? version, IGrainFactory grains)
    {
        if (!NumberPattern().IsMatch(dialled)) return NotFound();
        var flows = grains.GetGrain<IIvrFlowGrain>(dialled);
        var flow = version is { } v ? await flows.GetVersion(v) : await flows.Current();
        return flow is null ? NotFound() : TypedResults.Ok(flow);
    }

    private static async Task<Results<Ok<IvrFlowVersion>, ValidationProblem>> Publish(string dialled, IvrFlowDefinition body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (!NumberPattern().IsMatch(dialled))
            return Problems.Validation(text, new Dictionary<string, string[]> { ["dialled"] = ["format:digits"] });
        var result = await grains.GetGrain<IIvrFlowGrain>(dialled).Publish(body, null, AccountCommands.Actor(user));
        // The path is the label: "menus.main.options.4.action.target: unknown menu" names the part to mend.
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!, label: path => path);
    }

    private static async Task<Results<Ok<IReadOnlyList<IvrFlowReader.VersionRow>>, ProblemHttpResult>> Versions(string dialled, IvrFlowReader reader)
    {
        if (!NumberPattern().IsMatch(dialled)) return NotFound();
        var versions = await reader.Versions(dialled);
        return versions.Count == 0 ? NotFound() : TypedResults.Ok(versions);
    }

    private static async Task<Results<Ok<IvrFlowVersion>, ValidationProblem, ProblemHttpResult>> Restore(string dialled, RestoreRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (!NumberPattern().IsMatch(dialled)) return NotFound();
        if (body.Version is not { } version)
            return Problems.Validation(text, new Dictionary<string, string[]> { ["version"] = ["required"] }, label: path => path);
        var result = await grains.GetGrain<IIvrFlowGrain>(dialled).Restore(version, AccountCommands.Actor(user));
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        if (result.Errors!.TryGetValue("version", out var codes) && codes.Contains("unknown")) return NotFound();
        return Problems.Validation(text, result.Errors!, label: path => path);
    }

    private static ProblemHttpResult NotFound() => Problems.Status(404, ProblemTypes.NotFound, "No IVR flow for this number (or version).");

    [GeneratedRegex("^\\+?[0-9]{3,20}$")]
    private static partial Regex NumberPattern();
}
