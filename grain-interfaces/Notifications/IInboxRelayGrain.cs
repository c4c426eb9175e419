namespace HomeService.Notifications;

/// <summary>Pushes in-app notifications live once their transaction has committed.</summary>
[Alias("HomeService.Notifications.IInboxRelayGrain")]
public interface IInboxRelayGrain : IGrainWithIntegerKey
{
    /// <summary>Keeps it running: a reminder brings it back after a silo failure. Idempotent.</summary>
    [Alias("Start")] Task Start();

    /// <summary>Pushes what is waiting now (tests call it instead of waiting for the timer); returns how many it pushed.</summary>
    [Alias("Relay")] Task<int> Relay();
}
