namespace HomeService.CallCenter;

/// <summary>Call-center timings from configuration ("HomeService:CallCenter:…").</summary>
public sealed record CallCenterOptions
{
    /// <summary>How long an agent's console may be silent before the agent is logged out.</summary>
    public TimeSpan PresenceGrace { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan PresenceCheckEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the switch is asked whether a ringing or connected call still exists (catches lost hang-ups).</summary>
    public TimeSpan CallSanityCheckEvery { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a seat may ring or be on a call before the agent asks the call whether it still holds the seat, and
    /// how often it asks again. Catches a seat left held when the call's silo died between two messages.
    /// </summary>
    public TimeSpan SeatHeldCheckAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A caller who hangs up and calls again within this time gets their place back.</summary>
    public TimeSpan AbandonedPlaceKept { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After an agent rejects a call or lets it ring out, how long colleagues get it first (the ring-again delay). The
    /// agent is offered it again after this time, and at once when no colleague could take it.
    /// </summary>
    public TimeSpan RingAgainDelay { get; init; } = TimeSpan.FromSeconds(15);
}
