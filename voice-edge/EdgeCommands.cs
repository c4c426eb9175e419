using System.Security.Cryptography;
using System.Text;
using HomeService.VoiceEdge.Calls;
using HomeService.VoiceEdge.Media;
using HomeService.VoiceEdge.Prompts;
using HomeService.VoiceEdge.Sip;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.VoiceEdge;

/// <summary>
/// The platform → switch commands (the silo's SipGateway calls these), behind the edge's command key. What the edge
/// cannot do yet answers 501 with the reason, so the platform's log says which command and why.
/// </summary>
public static class EdgeCommands
{
    public sealed record PromptCommand(string Text);
    public sealed record CollectCommand(string Prompt, int MaxDigits, int TimeoutSeconds);
    public sealed record HangUpCommand(string Leg);
    public sealed record SeatCommand(string Seat);
    public sealed record TransferCommand(string Target);
    public sealed record CallState(string CallId, bool CallerConnected, IReadOnlyList<string> AgentSeats);

    public static void MapEdgeCommands(this WebApplication app, EdgeSettings settings)
    {
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(settings.CommandKey));
        var calls = app.MapGroup("/calls").AddEndpointFilter(async (context, next) =>
        {
            var given = context.HttpContext.Request.Headers["X-Edge-Key"].ToString();
            return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), expected)
                ? await next(context)
                : TypedResults.Problem(statusCode: 401, title: "The command key is missing or wrong.");
        });
        calls.MapGet("/{callId}", (string callId, CallTable table) =>
            table.ById(callId) is { Ended: false } leg
                ? Results.Ok(new CallState(leg.CallId, true, leg.ConnectedAgent is { } agent ? [agent.Seat] : []))
                : Results.NotFound());
        calls.MapPost("/{callId}/ring", (string callId, SeatCommand body, CallTable table, SipEdge edge) => Live(table, callId, leg => edge.Ring(leg, body.Seat)));
        calls.MapPost("/{callId}/stop-ringing", async Task<Results<NoContent, NotFound>> (string callId, SeatCommand body, CallTable table, SipEdge edge) =>
        {
            if (table.ById(callId) is not { } leg) return TypedResults.NotFound();
            await edge.StopRinging(leg, body.Seat);
            return TypedResults.NoContent();
        });
        // 接听 on the console: the browser phone answers the ring itself (the edge then reports it), so a console accept
        // for a seat whose phone has not answered cannot be carried out here.
        calls.MapPost("/{callId}/bridge", Results<NoContent, NotFound, ProblemHttpResult> (string callId, SeatCommand body, CallTable table) =>
            table.ById(callId) is not { Ended: false } leg ? TypedResults.NotFound()
            : leg.ConnectedAgent?.Seat == body.Seat ? TypedResults.NoContent()
            : NotYet($"connecting seat {body.Seat} before its phone answers (answer on the phone)"));
        calls.MapPost("/{callId}/prompt", (string callId, PromptCommand body, CallTable table, RtpEngine media, PromptVoice voice) =>
            Play(table, media, voice, callId, body.Text));
        calls.MapPost("/{callId}/collect", (string callId, CollectCommand body, CallTable table, RtpEngine media, PromptVoice voice) =>
            Play(table, media, voice, callId, body.Prompt));
        calls.MapPost("/{callId}/hangup", async Task<Results<NoContent, NotFound, ProblemHttpResult>> (string callId, HangUpCommand body, CallTable table, SipEdge edge) =>
        {
            if (table.ById(callId) is not { } leg) return TypedResults.NotFound();
            if (body.Leg == "caller") await edge.HangUpCaller(leg);
            else if (leg.Agents.TryGetValue(body.Leg, out var agent)) await edge.EndAgent(agent);
            return TypedResults.NoContent();
        });
        calls.MapPost("/{callId}/hold", (string callId, CallTable table, SipEdge edge) => Live(table, callId, edge.Hold));
        calls.MapPost("/{callId}/unhold", (string callId, CallTable table, SipEdge edge) => Live(table, callId, edge.Unhold));
        calls.MapPost("/{callId}/blind-transfer", (string callId, TransferCommand body, CallTable table, SipEdge edge) =>
            body.Target.StartsWith("external:", StringComparison.Ordinal)
                ? Task.FromResult<Results<NoContent, NotFound, ProblemHttpResult>>(NotYet("transferring a caller to an outside number"))
                : Live(table, callId, leg => edge.BlindTransfer(leg, body.Target)));
        calls.MapPost("/{callId}/start-recording", (string callId, CallTable table, SipEdge edge) => Live(table, callId, edge.StartRecording));
        calls.MapPost("/{callId}/stop-recording", async Task<Results<NoContent, NotFound, ProblemHttpResult>> (string callId, CallTable table, SipEdge edge) =>
        {
            // Also for a call that has just ended: its recording is still to be handed over.
            if (table.ById(callId) is not { } leg) return TypedResults.NotFound();
            await edge.StopRecording(leg);
            return TypedResults.NoContent();
        });
        calls.MapPost("/{callId}/{command}", (string command) => NotYet(command));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Live(CallTable table, string callId, Func<CallerLeg, Task> command)
    {
        if (table.ById(callId) is not { Ended: false } leg) return TypedResults.NotFound();
        await command(leg);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Play(CallTable table, RtpEngine media, PromptVoice voice, string callId, string text)
    {
        if (table.ById(callId) is not { Ended: false }) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(text)) return TypedResults.NoContent();
        await media.StopMediaToCaller(callId);
        await media.PlayToCaller(callId, await voice.Wav(text));
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotYet(string what) =>
        TypedResults.Problem(statusCode: 501, title: $"The voice edge cannot do this yet: {what}.");
}
