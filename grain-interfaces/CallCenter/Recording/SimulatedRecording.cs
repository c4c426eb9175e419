namespace HomeService.CallCenter.Recording;

/// <summary>
/// The address the simulated switch reports for a recording it made. It has no audio, so the web host plays such a
/// recording as silence of the recording's length, through the same access-checked, logged path as a real one, and the
/// list says it is a simulated recording. A real switch's address is http or https, so it never starts like this.
/// </summary>
public static class SimulatedRecording
{
    public const string Prefix = "simulated:";

    public static string Url(string callId) => Prefix + callId;
}
