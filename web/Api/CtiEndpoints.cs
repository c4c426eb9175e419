using System.Text.RegularExpressions;
using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HomeService.Web.Api;

/// <summary>
/// The CTI adapter's inbound half: a switch reports call events here, authenticated with a telephony API key.
/// Every request carries an Idempotency-Key; the call grain remembers the keys it has applied, so a retried
/// event returns the call as it is without applying twice. See docs/telephony.md.
/// </summary>
public static partial class CtiEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public sealed record CallOfferedRequest(string? CallId, string? Caller, string? Dialled, string? Trunk, string? IvrChoice);
    public sealed record DtmfRequest(string? Digits);
    public sealed record AnsweredRequest(string? Seat);
    public sealed record HangupRequest(string? Leg, string? Cause);
    public sealed record RecordingRequest(string? Url);

    public static RouteGroupBuilder MapCtiEndpoints(this RouteGroupBuilder api)
    {
        var cti = api.MapGroup("/cti/calls").WithTags("Telephony (CTI)").RequireAuthorization(Policies.Telephony).DisableAntiforgery();
        cti.MapPost("/", Offered)
            .WithSummary("A call is offered (来电)")
            .WithDescription("The switch reports a new call: callId (the switch's id, [A-Za-z0-9._:-]{1,64}), caller and dialled "
                + "(digits, optional leading +, 3-20; caller \"anonymous\" for a withheld number), optional trunk and ivrChoice (the IVR key "
                + "pressed). A blacklisted caller, a withheld one on a hotline that blocks them, or a call outside the number's hours "
                + "hears a message and never reaches a queue (or leaves a message, or goes to the overflow number). Otherwise the call is routed by "
                + "dialled number and IVR choice to a queue and queued; ring commands follow through the CTI gateway. Without an "
                + "ivrChoice, a number with a platform IVR flow answers with prompts and digit collection instead (see /api/ivr/flows). A repeated "
                + "offer for a known callId changes nothing. Needs a telephony X-Api-Key and an Idempotency-Key header (non-blank, at most 128 "
                + "characters, new for each distinct event). Returns the call view. See docs/telephony.md.");
        cti.MapPost("/{callId}/dtmf", Dtmf)
            .WithSummary("The caller pressed keys (DTMF)")
            .WithDescription("digits ([0-9*#]{0,32}) go on the live call's timeline. While the call is in the platform IVR (offered "
                + "without ivrChoice on a number with a flow) they answer the last CollectDigits: empty digits mean the collection "
                + "timed out. Otherwise routing is not changed (the switch's own IVR choice belongs in the offer). Ignored for an "
                + "ended or unknown call. Returns the call view.");
        cti.MapPost("/{callId}/answered", Answered)
            .WithSummary("An agent's phone answered the call")
            .WithDescription("seat is the agent's extension as the directory knows it (unknown seat: 400). Connects the call "
                + "to that agent if it was ringing at that seat, releases any other ringing seats and starts recording "
                + "(自动录音); otherwise nothing changes. For a call the platform placed (Originate), seat may be omitted: the called "
                + "party answered (an IVR campaign call then hears its prompt). Returns the call view.");
        cti.MapPost("/{callId}/hangup", Hangup)
            .WithSummary("A leg of the call hung up")
            .WithDescription("leg is \"caller\" or the connected agent's seat (required, at most 64 characters); either ends the "
                + "call. Other legs are ignored. cause is optional (default \"normal\", cut to 64 characters). Returns the call view.");
        cti.MapPut("/{callId}/recording/audio", StoreRecording)
            .WithMetadata(new RequestSizeLimitAttribute(RecordingAudioStore.MaxBytes + 64 * 1024))
            .WithSummary("The call's recording, kept by the platform")
            .WithDescription("The body is the recording itself (Content-Type audio/wav, a RIFF/WAVE file, at most 72 MB). The platform keeps it "
                + "and notes the recording ready, as the recording event does with an address; /recordings then plays it from here. "
                + "A second upload for the call replaces the first. Needs a telephony X-Api-Key and an Idempotency-Key.");
        cti.MapPost("/{callId}/recording", Recording)
            .WithSummary("A recording of the call is ready")
            .WithDescription("url (absolute http or https) is stored as the call's recording and noted on its timeline. "
                + "Accepted after the call ended. Returns the call view.");
        return api;
    }

    private static async Task<Results<Ok<CallView>, ValidationProblem, ProblemHttpResult>> Offered(CallOfferedRequest body,
        [FromHeader(Name = IdempotencyHeader)] string? key, IGrainFactory grains, UiText text)
    {
        var errors = Check(key);
        if (!IsCallId(body.CallId)) errors["callId"] = ["format:call-id"];
        if (!IsNumber(body.Caller) && !(body.Caller is { } withheld && PhoneNumber.IsWithheld(withheld))) errors["caller"] = ["format:digits"];
        if (!IsNumber(body.Dialled)) errors["dialled"] = ["format:digits"];
        if (body.IvrChoice is { } choice && !DigitsPattern().IsMatch(choice)) errors["ivrChoice"] = ["format:digits"];
        References.Limit(errors, "trunk", body.Trunk, 64);
        if (errors.Count > 0) return Problems.Validation(text, errors);
        return TypedResults.Ok(await grains.GetGrain<ICallGrain>(body.CallId!).Offered(
            new CtiCallOffered(key!, body.Caller!, body.Dialled!, body.Trunk ?? "", body.IvrChoice)));
    }

    private static Task<Results<Ok<CallView>, ValidationProblem, ProblemHttpResult>> Dtmf(string callId, DtmfRequest body,
        [FromHeader(Name = IdempotencyHeader)] string? key, IGrainFactory grains, UiText text) =>
        Apply(callId, key, text, body.Digits is { } d && (d.Length == 0 || DigitsPattern().IsMatch(d)) ? null : ("digits", "format:digits"),
            call => call.Dtmf(key!, body.Digits!), grains);

    private static async Task<Results<Ok<CallView>, ValidationProblem, ProblemHttpResult>> Answered(string callId, AnsweredRequest body,
        [FromHeader(Name = IdempotencyHeader)] string? key, IGrainFactory grains, UiText text)
    {
        // A call the platform placed (outbound) may be answered by its called party without a seat (see docs/telephony.md §10.10).
        if (body.Seat is null && Check(key).Count == 0 && IsCallId(callId)
            && await grains.GetGrain<ICallOutboundGrain>(callId).CalleeAnswered(key!) is { } outbound)
            return TypedResults.Ok(outbound);
        var agent = body.Seat is null ? null : (await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetAgents()).FirstOrDefault(a => a.Extension == body.Seat);
        return await Apply(callId, key, text, agent is null ? ("seat", "unknown") : null, call => call.AgentLegAnswered(key!, agent!.AgentId), grains);
    }

    private static Task<Results<Ok<CallView>, ValidationProblem, ProblemHttpResult>> Hangup(string callId, HangupRequest body,
        [FromHeader(Name = IdempotencyHeader)] string? key, IGrainFactory grains, UiText text) =>
        Apply(callId, key, text, string.IsNullOrWhiteSpace(body.Leg) || body.Leg.Length > 64 ? ("leg", "required") : null,
            call => call.HungUp(key!, body.Leg!, string.IsNullOrWhiteSpace(body.Cause) ? "normal" : body.Cause[..Math.Min(64, body.Cause.Length)]), grains);

    private static Task<Results<Ok<CallView>, ValidationProblem, ProblemHttpResult>> Recording(string callId, RecordingRequest body,
        [FromHeader(Name = IdempotencyHeader)] string? key, IGrainFactory grains, UiText text) =>
        Apply(callId, key, text,
            Uri.TryCreate(body.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? null : ("url", "format:url"),
            call => call.RecordingReady(key!, body.Url!), grains);

    private static async Task<Results<Ok<CallView>, ValidationProblem, ProblemHttpResult>> StoreRecording(string callId, HttpRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? key, IGrainFactory grains, RecordingAudioStore store, TimeProvider clock, UiText text)
    {
        var errors = Check(key);
        if (!IsCallId(callId)) errors["callId"] = ["format:call-id"];
        if (request.ContentType?.Split(';')[0].Trim() != "audio/wav") errors["Content-Type"] = ["format:audio-wav"];
        if (errors.Count > 0) return Problems.Validation(text, errors);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        if (!RecordingAudioStore.IsWav(body.GetBuffer().AsSpan(0, (int)body.Length)))
            return Problems.Validation(text, new Dictionary<string, string[]> { ["body"] = ["format:audio-wav"] });
        var call = grains.GetGrain<ICallGrain>(callId);
        if ((await call.Get()).Version == 0) return Problems.Status(404, ProblemTypes.NotFound, "No call with this id was offered.");
        // The file first: a recording noted ready must have its audio.
        await store.Save(callId, "audio/wav", body.ToArray(), clock.GetUtcNow());
        return TypedResults.Ok(await call.RecordingReady(key!, HomeService.CallCenter.Recording.StoredRecording.Url(callId)));
    }

    private static async Task<Results<Ok<CallView>, ValidationProblem, ProblemHttpResult>> Apply(string callId, string? key, UiText text,
        (string Field, string Code)? bodyError, Func<ICallGrain, Task<CallView>> action, IGrainFactory grains)
    {
        var errors = Check(key);
        if (!IsCallId(callId)) errors["callId"] = ["format:call-id"];
        if (bodyError is { } e) errors[e.Field] = [e.Code];
        if (errors.Count > 0) return Problems.Validation(text, errors);
        var view = await action(grains.GetGrain<ICallGrain>(callId));
        // An event for a call that was never offered is the switch's mistake, not a new call.
        return view.Version == 0 ? Problems.Status(404, ProblemTypes.NotFound, "No call with this id was offered.") : TypedResults.Ok(view);
    }

    private static Dictionary<string, string[]> Check(string? key)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(key) || key.Length > 128) errors[IdempotencyHeader] = ["required"];
        return errors;
    }

    private static bool IsCallId(string? id) => id is not null && CallIdPattern().IsMatch(id);

    private static bool IsNumber(string? number) => number is not null && NumberPattern().IsMatch(number);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex CallIdPattern();

    [GeneratedRegex("^\\+?[0-9]{3,20}$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^[0-9*#]{1,32}$")]
    private static partial Regex DigitsPattern();
}
