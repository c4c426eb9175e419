namespace HomeService.Broadcasts;

/// <summary>The center's broadcast board. Key 0. Active broadcasts survive restarts; expiry is a reminder.</summary>
[Alias("HomeService.Broadcasts.IBroadcastBoardGrain")]
public interface IBroadcastBoardGrain : IGrainWithIntegerKey
{
    [Alias("Post")]
    Task<CommandResult<Broadcast>> Post(PostBroadcast command);

    [Alias("Retract")]
    Task<bool> Retract(Guid id, string actor);

    [Alias("GetActive")]
    Task<IReadOnlyList<Broadcast>> GetActive();
}
