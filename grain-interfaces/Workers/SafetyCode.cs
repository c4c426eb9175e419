namespace HomeService.Workers;

/// <summary>
/// The safety status (安心码) from a worker's credentials, judged by the date in Beijing. Red: ID not verified or
/// black-listed. Yellow: the health certificate missing, expired or expiring within 30 days, or no training yet.
/// Green: ID verified, health certificate valid, training done. Red or an expired health certificate blocks assignment.
/// </summary>
public static class SafetyCode
{
    public const int ExpiringWithinDays = 30;
    public static readonly IReadOnlyList<int> WarningDaysBefore = [30, 7, 1];

    public static SafetyStatus Evaluate(WorkerCredentials c, bool blackListed, DateOnly today)
    {
        var red = new List<string>();
        if (blackListed) red.Add("black-listed");
        if (c.IdVerifiedOn is null) red.Add("id-not-verified");
        if (c.BackgroundCheckPassed == false) red.Add("background-check-failed");
        if (red.Count > 0) return new SafetyStatus(SafetyColor.Red, red);

        var yellow = new List<string>();
        if (c.HealthCertificateExpires is not { } expires) yellow.Add("health-certificate-missing");
        else if (expires < today) yellow.Add("health-certificate-expired");
        else if (expires <= today.AddDays(ExpiringWithinDays)) yellow.Add("health-certificate-expiring");
        if (c.Trainings.Count == 0) yellow.Add("training-missing");
        return yellow.Count > 0 ? new SafetyStatus(SafetyColor.Yellow, yellow) : new SafetyStatus(SafetyColor.Green, []);
    }

    /// <summary>
    /// A worker registered before credentials were kept (an import): yellow until the merchant records them, red only if
    /// black-listed; an expired certificate date from the import still blocks.
    /// </summary>
    public static SafetyStatus Unrecorded(DateOnly? certificateExpires, bool blackListed, DateOnly today)
    {
        if (blackListed) return new SafetyStatus(SafetyColor.Red, ["black-listed"]);
        var reasons = new List<string> { "credentials-missing" };
        if (certificateExpires is { } e && e < today) reasons.Add("health-certificate-expired");
        else if (certificateExpires is { } soon && soon <= today.AddDays(ExpiringWithinDays)) reasons.Add("health-certificate-expiring");
        return new SafetyStatus(SafetyColor.Yellow, reasons);
    }

    /// <summary>Why the worker may not be sent, or null: red, or a health certificate that has expired or was never given.</summary>
    public static string? BlocksAssignment(SafetyStatus status) =>
        status.Color == SafetyColor.Red ? "worker-red"
        : status.Reasons.Contains("health-certificate-expired") ? "worker-expired"
        : status.Reasons.Contains("health-certificate-missing") ? "worker-no-health-certificate"
        : null;

    /// <summary>The next day a warning is due for this expiry (30, 7 and 1 days before), or null when none is left.</summary>
    public static DateOnly? NextWarning(DateOnly expires, DateOnly today) =>
        WarningDaysBefore.Select(d => expires.AddDays(-d)).Where(d => d >= today).Cast<DateOnly?>().Min();

    public static DateOnly BeijingDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
