namespace HomeService.WorkOrders;

/// <summary>
/// Work-order timings from configuration ("HomeService:WorkOrders:…"). The settable ones are system settings an operator
/// changes on /admin/settings: the silo's settings applier writes them here, and the next order to read them uses them.
/// </summary>
public sealed record WorkOrderOptions
{
    /// <summary>How long a merchant has to accept an offer before it goes to the next.</summary>
    public TimeSpan AcceptTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long before an offer lapses its merchant is reminded (inbox and SMS); offers shorter than twice this get none.</summary>
    public TimeSpan OfferReminderBefore { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Automatic offers before the order waits in the manual dispatch queue.</summary>
    public int MaxOfferAttempts { get; set; } = 3;

    /// <summary>How long after completion the follow-up visit (回访) falls due.</summary>
    public TimeSpan FollowUpDelay { get; set; } = TimeSpan.FromHours(24);

    /// <summary>From intake to a merchant's acceptance.</summary>
    public TimeSpan DispatchSla { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>From the end of the wanted time window to check-out.</summary>
    public TimeSpan CompletionGrace { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Complaint response and resolution times by severity (low, medium, high); a severity not set keeps the default.</summary>
    public IReadOnlyDictionary<string, (TimeSpan Respond, TimeSpan Resolve)> ComplaintSlas { get; init; } =
        new Dictionary<string, (TimeSpan, TimeSpan)>();

    public (TimeSpan Respond, TimeSpan Resolve) ComplaintSla(string? severity) =>
        severity is not null && ComplaintSlas.TryGetValue(severity, out var sla) ? sla : WorkOrder.DefaultComplaintSla(severity);

    /// <summary>How early before the booked window a worker checks in without being asked to confirm (<see cref="CheckInRule"/>).</summary>
    public TimeSpan EarlyCheckIn { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The duty supervisor's mobile (值班手机): an SLA breach is sent there by SMS. None: the boards only.</summary>
    public string? DutyPhone { get; set; }

    /// <summary>How often the sweeper looks for orders stuck between two steps, and how old "stuck" is.</summary>
    public TimeSpan SweepEvery { get; init; } = TimeSpan.FromMinutes(1);
}
