namespace HomeService.Settings;

/// <summary>
/// The settings an operator changes while the center runs (系统参数): dispatch and completion deadlines, the merchant's
/// time to accept, automatic offers, the follow-up delay, and the credit line below which merchants are warned and
/// suspended, the duty supervisor's mobile (值班手机) that hears of SLA breaches by SMS, and how early a worker may check in
/// without confirming. Whatever must not change at run time (ports, keys, connection strings) stays in appsettings.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Settings.SystemSettings")]
public sealed record SystemSettings(
    [property: Id(0)] int DispatchSlaMinutes,
    [property: Id(1)] int CompletionGraceHours,
    [property: Id(2)] int AcceptTimeoutMinutes,
    [property: Id(3)] int MaxOfferAttempts,
    [property: Id(4)] int FollowUpDelayHours,
    [property: Id(5)] int CreditThreshold,
    [property: Id(6)] int DaysBelowToWarn,
    [property: Id(7)] int GraceDays,
    [property: Id(8)] string? DutyPhone = null,
    [property: Id(9)] int EarlyCheckInMinutes = 60);

/// <summary>The settings in force and their version; every silo applies a new version within seconds.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Settings.SettingsSnapshot")]
public sealed record SettingsSnapshot([property: Id(0)] int Version, [property: Id(1)] SystemSettings Values, [property: Id(2)] SystemSettings Configured);

[Alias("HomeService.Settings.ISystemSettingsGrain")]
public interface ISystemSettingsGrain : IGrainWithIntegerKey
{
    [Alias("Get"), Orleans.Concurrency.ReadOnly] Task<SettingsSnapshot> Get();

    /// <summary>Validates and stores new settings (a version with an audit line); field errors leave everything as it was.</summary>
    [Alias("Save")] Task<CommandResult<SettingsSnapshot>> Save(SystemSettings settings, string actor);
}
