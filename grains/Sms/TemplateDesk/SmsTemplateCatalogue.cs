namespace HomeService.Sms.TemplateDesk;

/// <summary>
/// Every kind of SMS as configured now: its code at each active provider (a kind with none at any provider cannot be
/// sent, and one missing at a provider skips it), the longest message under each provider's sign name, what its urgency
/// means under the configured quiet hours, and a preview with made-up values under the primary provider's sign name.
/// </summary>
public static class SmsTemplateCatalogue
{
    public static SmsTemplateOverview Overview(IReadOnlyList<SmsProviderSign> providers, SmsOptions options)
    {
        var quiet = options.QuietStart == options.QuietEnd ? null : $"{Clock(options.QuietStart)}–{Clock(options.QuietEnd)}";
        return new SmsTemplateOverview(providers, quiet, SmsTemplates.MaxSegments,
            SmsTemplates.All.Select(t => Describe(t, providers, options, quietHours: quiet is not null)).ToList());
    }

    private static string Clock(TimeOnly t) => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static SmsTemplateView Describe(SmsTemplate template, IReadOnlyList<SmsProviderSign> providers, SmsOptions options, bool quietHours)
    {
        var approvals = providers.Select(p =>
        {
            var longest = template.LongestLength(p.SignName);
            return new SmsTemplateApproval(p.Provider, options.TemplateCode(p.Provider, template.Kind), longest, SmsSegments.Count(longest));
        }).ToList();
        var parameters = template.Params
            .Select(p => new SmsTemplateParamView(p.Name, p.MaxLength, p.Cut, SmsTemplateSamples.Value(template.Kind, p.Name, options.SiteUrl))).ToList();
        var sample = SmsTemplatePreviews.Render(template, SmsTemplateSamples.Fill(template, null, options.SiteUrl), providers[0].SignName);
        return new SmsTemplateView(template.Kind, template.Text, template.Urgency.ToString().ToLowerInvariant(),
            HeldByQuietHours: quietHours && template.Urgency != SmsUrgency.Now, StoppedByOptOut: template.Urgency == SmsUrgency.Marketing,
            parameters, approvals, Sendable: approvals.Any(a => a.TemplateCode is not null), sample);
    }
}
