using HomeService.EventLog;

namespace HomeService.CallCenter.Hotlines;

/// <summary>A version of a hotline: the full settings, "save" or "revert", who and when.</summary>
public sealed record HotlineSaved(HotlineSettings Settings, string Change, string By, DateTimeOffset At);

/// <summary>A hotline's current settings and the ones before them (what a revert brings back).</summary>
public sealed class HotlineState : IAggregateState
{
    public int Version { get; set; }
    public HotlineSettings? Current { get; set; }
    public HotlineSettings? Previous { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }

    public void Apply(object e)
    {
        if (e is not HotlineSaved saved) throw new ArgumentException($"Unknown hotline event {e.GetType().Name}");
        (Previous, Current, ChangedBy, ChangedAt) = (Current, saved.Settings, saved.By, saved.At);
    }
}
