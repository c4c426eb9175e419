using HomeService.Sms;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using HomeService.Web.Sms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>
/// 短信模板 for admins: every kind of SMS with its wording, urgency, placeholders, the template code each active provider
/// approved (or that none is configured, so the kind cannot go there) and a preview; and a preview with values of one's
/// own. Admins only; nothing is sent.
/// </summary>
public static class SmsTemplateEndpoints
{
    /// <summary>values: placeholder name → value; one not given (or blank) shows its made-up value.</summary>
    public sealed record PreviewBody(Dictionary<string, string?>? Values);

    public static RouteGroupBuilder MapSmsTemplateEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/sms/templates").RequireAuthorization(Policies.Admin).WithTags("Back office: SMS");
        group.MapGet("", async (IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<ISmsTemplateDeskGrain>(0).GetAll()))
            .WithDescription("Every SMS kind: wording, urgency (held by quiet hours, stopped by opt-out), placeholders with their longest value and a "
                + "made-up one, per active provider (primary, then failover) the template code or null when none is configured, the longest message "
                + "and its billed parts under that provider's sign name, sendable (some provider has a code), and a preview with made-up values.");
        group.MapPost("/{kind}/preview", Preview)
            .WithDescription("The kind rendered with the given values as a phone shows it (sign name first), cut as the sender cuts them: text, length, "
                + "billed parts and which values were cut. A value not given shows its made-up one. Unknown placeholders, control characters, "
                + $"a link longer than its limit or any value over {SmsTemplatePreviewLimits.LongestValue} characters are refused.");
        return api;
    }

    private static async Task<Results<Ok<SmsTemplatePreview>, ValidationProblem, ProblemHttpResult>> Preview(string kind, PreviewBody body,
        IGrainFactory grains, UiText text)
    {
        var values = (body.Values ?? []).ToDictionary(v => v.Key, v => v.Value ?? "");
        var result = await grains.GetGrain<ISmsTemplateDeskGrain>(0).Preview(kind, values);
        if (result is null) return Problems.Status(404, ProblemTypes.NotFound, UiText.IsEnglish ? "No such kind of SMS." : "没有这种短信。");
        return result.Succeeded
            ? TypedResults.Ok(result.Value!)
            : Problems.Validation(text, result.Errors!, SmsTemplateFields.Context, field => SmsTemplateFields.Label(text, field));
    }
}
