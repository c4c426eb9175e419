namespace HomeService.Sms;

/// <summary>A provider the center sends through, in the order the sender tries them, and the sign name (签名) it approved.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Sms.SmsProviderSign")]
public sealed record SmsProviderSign(
    [property: Id(0)] string Provider,
    [property: Id(1)] string SignName,
    [property: Id(2)] bool Failover);

/// <summary>A placeholder of a template: the longest value it carries, whether a longer one is cut (a link is not), and a made-up value.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Sms.SmsTemplateParamView")]
public sealed record SmsTemplateParamView(
    [property: Id(0)] string Name,
    [property: Id(1)] int MaxLength,
    [property: Id(2)] bool Cut,
    [property: Id(3)] string Example);

/// <summary>
/// A kind at one active provider: the template code that provider approved (null: none is configured, so the kind cannot
/// go through it), and the longest message the kind can become under that provider's sign name, with its billed parts.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Sms.SmsTemplateApproval")]
public sealed record SmsTemplateApproval(
    [property: Id(0)] string Provider,
    [property: Id(1)] string? TemplateCode,
    [property: Id(2)] int LongestLength,
    [property: Id(3)] int LongestSegments);

/// <summary>A message as the phone shows it (the sign name in 【】 first), its length and billed parts, and which values were cut to fit.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Sms.SmsTemplatePreview")]
public sealed record SmsTemplatePreview(
    [property: Id(0)] string Kind,
    [property: Id(1)] string SignName,
    [property: Id(2)] string Text,
    [property: Id(3)] int Length,
    [property: Id(4)] int Segments,
    [property: Id(5)] IReadOnlyList<string> CutParams);

/// <summary>
/// One kind of SMS as an admin reviews it: its wording with ${name} placeholders, its urgency ("now", "notice", "marketing")
/// and what that means here, its placeholders, its code at each active provider, whether any provider can send it at all,
/// and the message rendered with made-up values under the primary provider's sign name.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Sms.SmsTemplateView")]
public sealed record SmsTemplateView(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Text,
    [property: Id(2)] string Urgency,
    [property: Id(3)] bool HeldByQuietHours,
    [property: Id(4)] bool StoppedByOptOut,
    [property: Id(5)] IReadOnlyList<SmsTemplateParamView> Params,
    [property: Id(6)] IReadOnlyList<SmsTemplateApproval> Providers,
    [property: Id(7)] bool Sendable,
    [property: Id(8)] SmsTemplatePreview Sample);

/// <summary>Every kind, the active providers (primary, then failover), quiet hours in Beijing time ("22:00–08:00", null: none) and the parts limit.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Sms.SmsTemplateOverview")]
public sealed record SmsTemplateOverview(
    [property: Id(0)] IReadOnlyList<SmsProviderSign> Providers,
    [property: Id(1)] string? QuietHours,
    [property: Id(2)] int MaxSegments,
    [property: Id(3)] IReadOnlyList<SmsTemplateView> Templates);

/// <summary>What an admin's try of a kind may carry; the web host's form and the desk grain's check share them.</summary>
public static class SmsTemplatePreviewLimits
{
    /// <summary>
    /// The longest value tried in a placeholder that is cut: longer than any placeholder takes, so the cut shows, and small
    /// enough to keep the request small. A link is never cut, so its own longest is its limit.
    /// </summary>
    public const int LongestValue = 500;

    /// <summary>No kind has more than a handful of placeholders; more values than this is not a try of one.</summary>
    public const int MostValues = 20;
}

/// <summary>
/// The admins' view of the SMS templates (any activation): each kind with its code per provider, and previews of a kind
/// rendered with an admin's values, cut as the sender cuts them.
/// </summary>
[Alias("HomeService.Sms.ISmsTemplateDeskGrain")]
public interface ISmsTemplateDeskGrain : IGrainWithIntegerKey
{
    [Alias("GetAll")] Task<SmsTemplateOverview> GetAll();

    /// <summary>Null for an unknown kind. A parameter not given (or blank) shows its made-up value.</summary>
    [Alias("Preview")] Task<CommandResult<SmsTemplatePreview>?> Preview(string kind, IReadOnlyDictionary<string, string> values);
}
