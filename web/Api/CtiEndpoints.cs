using System.Text.RegularExpressions;
using HomeService.CallCenter;
using HomeService.Web.Auth;
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
        cti.MapPost("/", Offered);
        cti.MapPost("/{callId}/dtmf", Dtmf);
        cti.MapPost("/{callId}/answered", Answered);
        cti.MapPost("/{callId}/hangup", Hangup);
        cti.MapPost("/{callId}/recording", Recording);
        return api;
    }

    private static async Task<Results<Ok<CallView>, ValidationProblem>> Offered(CallOfferedRequest body,
        [FromHeader(Name = IdempotencyHeader)] string? key, IGrainFactory grains, UiText text)
    {
        var errors = Check(key);
        if (!IsCallId(body.CallId)) errors["callId"] = ["format:call-id"];
        if (!IsNumber(body.Caller)) errors["caller"] = ["format:digits"];
        if (!IsNumber(body.Dialled)) errors["dialled"] = ["format:digits"];
        if (body.IvrChoice is { } choice && !DigitsPattern().IsMatch(choice)) errors["ivrChoice"] = ["format:digits"];
        if (errors.Count > 0) return Problems.Validation(text, errors);
        return TypedResults.Ok(await grains.GetGrain<ICallGrain>(body.CallId!).Offered(
            new CtiCallOffered(key!, body.Caller!, body.Dialled!, body.Trunk ?? "", body.IvrChoice)));
    }

    private static Task<Results<Ok<CallView>, ValidationProblem>> Dtmf(string callId, DtmfRequest body,
        [FromHeader(Name = IdempotencyHeader)] string? key, IGrainFactory grains, UiText text) =>
        Apply(callId, key, text, body.Digits is { } d && DigitsPattern().IsMatch(d) ? null : ("digits", "format:digits"),
            call => call.Dtmf(key!, body.Digits!), grains);

    private static async Task<Results<Ok<CallView>, ValidationProblem>> Answered(string callId, AnsweredRequest body,
        [FromHeader(Name = IdempotencyHeader)] string? key, IGrainFactory grains, UiText text)
    {
        var agent = body.Seat is null ? null : (await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetAgents()).FirstOrDefault(a => a.Extension == body.Seat);
        return await Apply(callId, key, text, agent is null ? ("seat", "unknown") : null, call => call.AgentLegAnswered(key!, agent!.AgentId), grains);
    }

    private static Task<Results<Ok<CallView>, ValidationProblem>> Hangup(string callId, HangupRequest body,
        [FromHeader(Name = IdempotencyHeader)] string? key, IGrainFactory grains, UiText text) =>
        Apply(callId, key, text, string.IsNullOrWhiteSpace(body.Leg) || body.Leg.Length > 64 ? ("leg", "required") : null,
            call => call.HungUp(key!, body.Leg!, string.IsNullOrWhiteSpace(body.Cause) ? "normal" : body.Cause[..Math.Min(64, body.Cause.Length)]), grains);

    private static Task<Results<Ok<CallView>, ValidationProblem>> Recording(string callId, RecordingRequest body,
        [FromHeader(Name = IdempotencyHeader)] string? key, IGrainFactory grains, UiText text) =>
        Apply(callId, key, text,
            Uri.TryCreate(body.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? null : ("url", "format:url"),
            call => call.RecordingReady(key!, body.Url!), grains);

    private static async Task<Results<Ok<CallView>, ValidationProblem>> Apply(string callId, string? key, UiText text,
        (string Field, string Code)? bodyError, Func<ICallGrain, Task<CallView>> action, IGrainFactory grains)
    {
        var errors = Check(key);
        if (!IsCallId(callId)) errors["callId"] = ["format:call-id"];
        if (bodyError is { } e) errors[e.Field] = [e.Code];
        if (errors.Count > 0) return Problems.Validation(text, errors);
        return TypedResults.Ok(await action(grains.GetGrain<ICallGrain>(callId)));
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
