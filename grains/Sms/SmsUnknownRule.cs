namespace HomeService.Sms;

/// <summary>
/// What happens to a message whose fate stayed unknown: an operational notice about someone's own order or account
/// goes once more, through another provider that has the kind approved, since a lost report often means a lost
/// message. A code or an offer is not sent again (by then it has expired and the person has asked anew), and a group
/// or marketing notice is not either (the center would pay twice for what was likely delivered).
/// </summary>
public static class SmsUnknownRule
{
    /// <returns>The provider to send it through again, or null to leave it unknown.</returns>
    public static string? ResendThrough(string kind, string provider, SmsOptions options, bool isResend)
    {
        if (isResend || SmsTemplates.Find(kind) is not { Urgency: SmsUrgency.Notice }) return null;
        return options.Providers.FirstOrDefault(p => p != provider && options.TemplateCode(p, kind) is not null);
    }
}
