namespace HomeService.CallCenter.Recording;

/// <summary>
/// The address of a recording whose file the platform keeps (table call_recording_audio), uploaded by the switch
/// adapter: played from the database through the same access-checked, logged path as any recording.
/// </summary>
public static class StoredRecording
{
    public const string Prefix = "stored:";

    public static string Url(string callId) => Prefix + callId;
}
