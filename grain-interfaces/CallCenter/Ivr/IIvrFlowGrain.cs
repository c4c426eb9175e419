namespace HomeService.CallCenter;

/// <summary>
/// The platform IVR flow of one dialled number (key: the number), versioned: each change is a new version, and a call keeps
/// the version it entered with. The current version is held in memory; older ones are read when a call still needs them.
/// </summary>
[Alias("HomeService.CallCenter.IIvrFlowGrain")]
public interface IIvrFlowGrain : IGrainWithStringKey
{
    /// <summary>The current version, or null when the number has no platform flow (its calls are routed as offered).</summary>
    [Alias("Current")] Task<IvrFlowVersion?> Current();
    /// <summary>One version, or null if it does not exist.</summary>
    [Alias("GetVersion")] Task<IvrFlowVersion?> GetVersion(int version);
    /// <summary>
    /// Validates and stores a new version; errors are keyed by the path of the broken part (menus.main.options.4).
    /// <paramref name="baseVersion"/>: the version the editor started from, if known ("version": edited-meanwhile when another
    /// was published since). A flow equal to the current one stores nothing and answers the current version.
    /// </summary>
    [Alias("Publish")] Task<CommandResult<IvrFlowVersion>> Publish(IvrFlowDefinition definition, int? baseVersion, string actor);
    /// <summary>
    /// Publishes an earlier version's flow again as a new version (its RestoredFrom names the earlier one), validated against
    /// today's queues; "version": unknown when there is no such version. Restoring the current version changes nothing.
    /// </summary>
    [Alias("Restore")] Task<CommandResult<IvrFlowVersion>> Restore(int version, string actor);
}
