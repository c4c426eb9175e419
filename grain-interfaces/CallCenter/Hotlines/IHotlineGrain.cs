using Orleans.Concurrency;

namespace HomeService.CallCenter;

/// <summary>
/// One hotline number (key: the dialled number, or "web-callback" for website callback requests by topic). Its settings
/// are versioned: each save is a new version with the full settings, and a revert is a new version with the previous
/// one's. Calls ask it at each offer, so a change applies to the next call. A number never configured still answers:
/// open at all hours, its platform IVR flow if it has one, routed to the main hotline's queue.
/// </summary>
[Alias("HomeService.CallCenter.IHotlineGrain")]
public interface IHotlineGrain : IGrainWithStringKey
{
    /// <summary>The current version, or null if the number was never configured.</summary>
    [Alias("Get")] Task<HotlineVersion?> Get();

    /// <summary>
    /// Validates and stores a new version. <paramref name="baseVersion"/>, when given, is the version the editor started
    /// from: if another change came first the save is refused ("edited-meanwhile") rather than undoing it unseen.
    /// </summary>
    [Alias("Save")] Task<CommandResult<HotlineVersion>> Save(HotlineSettings settings, int? baseVersion, string actor);

    /// <summary>A new version with the previous version's settings (refused for a number with a single version).</summary>
    [Alias("Revert")] Task<CommandResult<HotlineVersion>> Revert(string actor);

    /// <summary>The queue an IVR choice (null: none) leads to: its route, else the number's default route.</summary>
    [ReadOnly, Alias("Route")] Task<HotlineRoute> Route(string? ivrChoice);

    /// <summary>How a call from <paramref name="caller"/> at <paramref name="at"/> goes in on this number (without following an overflow).</summary>
    [ReadOnly, Alias("Enter")] Task<HotlineEntry> Enter(string caller, string? ivrChoice, DateTimeOffset at);
}
