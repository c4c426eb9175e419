using Orleans.Concurrency;

namespace HomeService.Sms.TemplateDesk;

/// <summary>Reads the silo's own SMS configuration and providers: the web host has neither the templates nor the codes.</summary>
[StatelessWorker]
public sealed class SmsTemplateDeskGrain(SmsOptions options, IReadOnlyList<ISmsProvider> providers) : Grain, ISmsTemplateDeskGrain
{
    // The sender tries the providers in this order; the first is the primary, whose sign name previews carry.
    private IReadOnlyList<SmsProviderSign> Signs => providers.Select((p, i) => new SmsProviderSign(p.Name, p.SignName, Failover: i > 0)).ToList();

    public Task<SmsTemplateOverview> GetAll() => Task.FromResult(SmsTemplateCatalogue.Overview(Signs, options));

    public Task<CommandResult<SmsTemplatePreview>?> Preview(string kind, IReadOnlyDictionary<string, string> values)
    {
        if (SmsTemplates.Find(kind) is not { } template) return Task.FromResult<CommandResult<SmsTemplatePreview>?>(null);
        var errors = SmsTemplatePreviews.Validate(template, values);
        var result = errors.Count > 0
            ? CommandResult<SmsTemplatePreview>.Invalid(errors)
            : CommandResult<SmsTemplatePreview>.Ok(SmsTemplatePreviews.Render(template, SmsTemplateSamples.Fill(template, values, options.SiteUrl),
                providers[0].SignName));
        return Task.FromResult<CommandResult<SmsTemplatePreview>?>(result);
    }
}
