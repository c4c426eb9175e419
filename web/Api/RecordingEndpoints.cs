using System.Security.Claims;
using HomeService.CallCenter;
using HomeService.CallCenter.Recording;
using HomeService.Identity;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// Call recordings (自动录音). Supervisors and admins list and play every recording; an agent lists and plays only
/// the calls they handled, sees callers' numbers masked, and gets 404 for anyone else's (as if it did not exist).
/// Audio is reached only through a short-lived signed link (<see cref="RecordingLinks"/>) that the list or /link hands
/// out after those checks. Every playback request, granted or refused, is written to <c>recording_access</c>, and so is
/// a refused request for a link.
/// </summary>
public static class RecordingEndpoints
{
    /// <summary>
    /// One answered (or recorded) call. state: ready, simulated (the simulated switch's recording: silence), live (still
    /// connected), processing (ended, the switch has not reported the file yet), queue-off (not recorded: the queue has
    /// recording switched off), not-recorded. playUrl only when there is something to play (ready, simulated): a signed
    /// link for the caller, valid a few minutes (GET /api/recordings/{callId}/link gives a fresh one). sizeBytes: the file's
    /// size when the platform keeps it (a switch's own address has none to tell).
    /// </summary>
    public sealed record RecordingListItem(string CallId, string? AgentId, string? QueueId, string Caller, DateTimeOffset? StartedAt,
        DateTimeOffset? ReadyAt, int? DurationSeconds, string? PlayUrl, string State, int? SizeBytes = null);

    public sealed record QueueRecordingRequest(bool? Enabled);

    public sealed record QueueRecordingView(string QueueId, bool Enabled);

    public static RouteGroupBuilder MapRecordingEndpoints(this RouteGroupBuilder api)
    {
        var recordings = api.MapGroup("/recordings").WithTags("Recordings").RequireAuthorization(Policies.CallCenter);
        recordings.MapGet("/", List)
            .WithSummary("Call recordings (录音)")
            .WithDescription("from/to: dates (yyyy-MM-dd, Asia/Shanghai, both days included) or instants; default the last 30 days. "
                + "agent, queue narrow the list. Supervisors and admins see all; an agent sees only their own calls, callers masked.");
        recordings.MapGet("/{callId}/link", Link)
            .WithSummary("A fresh link to play a call's recording")
            .WithDescription("url: the play address with its signature, for the signed-in user only, valid until expiresAt (a few minutes). "
                + "An agent gets 404 for a call they did not handle.");
        recordings.MapGet("/{callId}/play", Play)
            .WithSummary("Play a call's recording")
            .WithDescription("Only through a link from the list or /link (sig): redirects to the recording's address; a recording of the "
                + "simulated switch (no audio) is served here as silence of its length (audio/wav). A missing, altered or expired "
                + "signature, another user's link, or a call the user may not hear is 404. Every request is logged.");
        api.MapPut("/queues/{queueId}/recording", SetQueueRecording).RequireAuthorization(Policies.Supervisor).WithTags("Recordings")
            .WithSummary("Switch a queue's automatic recording on or off")
            .WithDescription("queueId is a queue of the directory, or \"outbound\" for agent outbound calls. Applies from the next connected call.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<RecordingListItem>>, ValidationProblem>> List(string? from, string? to, string? agent,
        string? queue, ClaimsPrincipal user, RecordingReader reader, RecordingLinks links, TimeProvider clock, UiText text)
    {
        var (rows, errors) = await Read(user, reader, links, clock, from, to, agent, queue);
        return rows is null ? Problems.Validation(text, errors, "recordings") : TypedResults.Ok(rows);
    }

    /// <summary>The list as this user may see it (the API and the page both read it here); null with errors for a bad query.</summary>
    public static async Task<(IReadOnlyList<RecordingListItem>? Rows, Dictionary<string, string[]> Errors)> Read(ClaimsPrincipal user,
        RecordingReader reader, RecordingLinks links, TimeProvider clock, string? from, string? to, string? agent, string? queue)
    {
        var (filter, errors) = new StatisticsQuery(from, to, null, null, null, null, null).Parse(clock.GetUtcNow());
        if (errors.Count > 0) return (null, errors);
        var ownOnly = !IsLead(user);
        // An agent's list is always their own, whatever the query asks for.
        var agentId = ownOnly ? user.Find(HomeServiceClaims.AgentId) ?? "" : Blank(agent);
        var rows = await reader.List(filter!.From, filter.To, agentId, Blank(queue));
        return (rows.Select(r => Item(r, ownOnly, links, Login(user))).ToList(), errors);
    }

    private static RecordingListItem Item(RecordingReader.RecordingRow r, bool masked, RecordingLinks links, string login)
    {
        var state = RecordingState.Of(r);
        return new RecordingListItem(r.CallId, r.AgentId, r.QueueId, masked ? PersonalData.MaskPhone(r.Caller) : r.Caller, r.At, r.ReadyAt,
            r.DurationSeconds, RecordingState.Playable(state) ? links.For(r.CallId, login).Url : null, state, r.SizeBytes);
    }

    /// <summary>A fresh signed link, after the same checks as the list: a lead hears every call, an agent their own.</summary>
    private static async Task<Results<Ok<RecordingLinks.Link>, ProblemHttpResult>> Link(string callId, ClaimsPrincipal user, RecordingReader reader,
        RecordingLinks links, TimeProvider clock)
    {
        if (callId.Length <= 64 && await Hears(user, reader, callId) is not null) return TypedResults.Ok(links.For(callId, Login(user)));
        if (callId.Length <= 64) await reader.LogAccess(clock.GetUtcNow(), Login(user), callId, granted: false);
        return NoSuchRecording();
    }

    /// <summary>The link's signature first, then the role and ownership again (a role taken away since the link was made counts).</summary>
    private static async Task<Results<RedirectHttpResult, FileContentHttpResult, ProblemHttpResult>> Play(string callId,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = RecordingLinks.Parameter)] string? sig, ClaimsPrincipal user, RecordingReader reader,
        RecordingLinks links, RecordingAudioStore store, TimeProvider clock)
    {
        if (callId.Length > 64) return NoSuchRecording();
        var recording = links.Opens(sig, callId, Login(user)) ? await Hears(user, reader, callId) : null;
        await reader.LogAccess(clock.GetUtcNow(), Login(user), callId, recording is not null);
        if (recording is null) return NoSuchRecording();
        var (url, _, duration) = recording.Value;
        if (url.StartsWith(StoredRecording.Prefix, StringComparison.Ordinal))
            return await store.Load(callId) is { } audio ? TypedResults.File(audio.Content, audio.ContentType, enableRangeProcessing: true) : NoSuchRecording();
        return url.StartsWith(SimulatedRecording.Prefix, StringComparison.Ordinal)
            ? TypedResults.File(SilentWav.Of(duration ?? 1), "audio/wav", enableRangeProcessing: true)
            : TypedResults.Redirect(url);
    }

    private static async Task<Results<Ok<QueueRecordingView>, ValidationProblem, ProblemHttpResult>> SetQueueRecording(string queueId,
        QueueRecordingRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (queueId != "outbound" && (queueId.Length > 64 || await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetQueue(queueId) is null))
            return Problems.Status(404, ProblemTypes.NotFound, "No such queue.");
        if (body.Enabled is not { } enabled) return Problems.Validation(text, new Dictionary<string, string[]> { ["enabled"] = ["required"] }, "recordings");
        await grains.GetGrain<HomeService.CallCenter.Recording.IRecordingPolicyGrain>(0).Set(queueId, enabled, $"{(user.IsInRole(Roles.Admin) ? "admin" : "supervisor")}:{user.Identity!.Name}");
        return TypedResults.Ok(new QueueRecordingView(queueId, enabled));
    }

    /// <summary>The call's recording if this user may hear it, else null.</summary>
    private static async Task<(string Url, string? AgentId, int? DurationSeconds)?> Hears(ClaimsPrincipal user, RecordingReader reader, string callId) =>
        await reader.Latest(callId) is { } r && (IsLead(user) || (r.AgentId is not null && r.AgentId == user.Find(HomeServiceClaims.AgentId))) ? r : null;

    private static string Login(ClaimsPrincipal user) => user.Identity?.Name ?? "?";

    private static ProblemHttpResult NoSuchRecording() =>
        Problems.Status(404, ProblemTypes.NotFound, "No such recording, or its link has expired: open it again from the list.");

    public static bool IsLead(ClaimsPrincipal user) => user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
