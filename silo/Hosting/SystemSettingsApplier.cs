using HomeService.Merchants;
using HomeService.Settings;
using HomeService.WorkOrders;

namespace HomeService.Silo.Hosting;

/// <summary>
/// Keeps this silo's work-order and merchant-standing rules at the center's current settings: it asks the settings grain
/// (memory, no database) every two seconds and writes a new version into the shared option objects the grains read.
/// </summary>
/// <remarks>
/// Until an operator saves settings (version 0) nothing is written, so the configured values stand exactly as given
/// (tests and local clusters set seconds where the page speaks in minutes). The configured settings are taken in the
/// constructor, before anything can change the option objects.
/// </remarks>
public sealed class SystemSettingsApplier(IGrainFactory grains, WorkOrderOptions orders, StandingPolicy standing, ConfiguredSettings configured,
    ILogger<SystemSettingsApplier> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);
    private int _applied;
    public ConfiguredSettings Configured { get; } = configured;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                var snapshot = await grains.GetGrain<ISystemSettingsGrain>(0).Get();
                if (snapshot.Version != _applied) Apply(snapshot);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                logger.LogDebug(e, "Settings not read this round; the next one tries again");
            }
        } while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
    }

    private void Apply(SettingsSnapshot snapshot)
    {
        var s = snapshot.Values;
        orders.DispatchSla = TimeSpan.FromMinutes(s.DispatchSlaMinutes);
        orders.CompletionGrace = TimeSpan.FromHours(s.CompletionGraceHours);
        orders.AcceptTimeout = TimeSpan.FromMinutes(s.AcceptTimeoutMinutes);
        orders.MaxOfferAttempts = s.MaxOfferAttempts;
        orders.FollowUpDelay = TimeSpan.FromHours(s.FollowUpDelayHours);
        orders.DutyPhone = s.DutyPhone;
        orders.EarlyCheckIn = TimeSpan.FromMinutes(s.EarlyCheckInMinutes);
        standing.Threshold = s.CreditThreshold;
        standing.DaysBelowToWarn = s.DaysBelowToWarn;
        standing.GraceDays = s.GraceDays;
        _applied = snapshot.Version;
    }

    /// <summary>The configured values as settings: whole minutes, hours and days, as the settings page shows them.</summary>
    public static ConfiguredSettings FromOptions(WorkOrderOptions o, StandingPolicy p) => new(new SystemSettings(
        (int)Math.Round(o.DispatchSla.TotalMinutes), Math.Max(1, (int)Math.Round(o.CompletionGrace.TotalHours)), Math.Max(1, (int)Math.Round(o.AcceptTimeout.TotalMinutes)),
        o.MaxOfferAttempts, Math.Max(1, (int)Math.Round(o.FollowUpDelay.TotalHours)), p.Threshold, p.DaysBelowToWarn, p.GraceDays,
        string.IsNullOrEmpty(o.DutyPhone) ? null : o.DutyPhone, (int)Math.Round(o.EarlyCheckIn.TotalMinutes)));
}
