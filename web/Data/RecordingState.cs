using HomeService.CallCenter.Recording;

namespace HomeService.Web.Data;

/// <summary>
/// What the recordings list says about a call's recording, so no entry is left without a player or a word: the
/// switch's file (<see cref="Ready"/>), the simulated switch's silence (<see cref="Simulated"/>), or why there is no file yet or none at all.
/// </summary>
public static class RecordingState
{
    public const string Ready = "ready";
    /// <summary>Made by the simulated switch: no real audio; it plays as silence of the recording's length.</summary>
    public const string Simulated = "simulated";
    /// <summary>The call is still connected; its recording is reported when it ends.</summary>
    public const string Live = "live";
    /// <summary>The call ended while recording; the switch has not reported the file yet.</summary>
    public const string Processing = "processing";
    /// <summary>Not recorded: the call's queue had recording switched off.</summary>
    public const string QueueOff = "queue-off";
    /// <summary>Not recorded, and nothing says why (calls from before the platform noted it).</summary>
    public const string NotRecorded = "not-recorded";

    public static string Of(RecordingReader.RecordingRow row) => row switch
    {
        { Url: { } url } => url.StartsWith(SimulatedRecording.Prefix, StringComparison.Ordinal) ? Simulated : Ready,
        { SkippedFor: not null } => QueueOff,
        { EndedAt: null } => Live,
        { RecordingStartedAt: not null } => Processing,
        _ => NotRecorded,
    };

    public static bool Playable(string state) => state is Ready or Simulated;
}
