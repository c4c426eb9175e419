namespace HomeService.Realtime;

/// <summary>
/// The list of web hosts that want pushes (the GPSTracker hub-list pattern). Key 0.
/// Web hosts re-subscribe periodically, so the list rebuilds itself after a silo failure.
/// </summary>
[Alias("HomeService.Realtime.IPushDirectoryGrain")]
public interface IPushDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Subscribe")]
    Task Subscribe(IPushObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IPushObserver observer);

    [Alias("GetSubscribers")]
    Task<IReadOnlyList<IPushObserver>> GetSubscribers();
}
