using HomeService.Sms;
using HomeService.Web.Localization;
using HomeService.Web.Sms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.Sms;

/// <summary>
/// 短信模板: every kind of SMS the center sends, its wording and urgency, the template code each active provider approved
/// (a kind with none cannot be sent there, which is flagged), its longest message and billed parts, and a preview. An
/// admin tries a kind with values of their own in a plain form posted back to the page, so it works without script.
/// </summary>
public sealed class TemplatesModel(IGrainFactory grains, UiText text) : PageModel
{
    public SmsTemplateOverview Overview { get; private set; } = new([], null, 0, []);

    /// <summary>The kind tried last, its values as posted, and what came of it.</summary>
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public Dictionary<string, string> Values { get; set; } = [];
    public SmsTemplatePreview? Tried { get; private set; }
    public Dictionary<string, string> Errors { get; } = new();

    public async Task OnGet() => await Load();

    public async Task<IActionResult> OnPostPreview()
    {
        var result = await grains.GetGrain<ISmsTemplateDeskGrain>(0).Preview(Kind ?? "", Values);
        if (result is null) return RedirectToPage();
        if (result.Succeeded) Tried = result.Value;
        else
            foreach (var (field, codes) in result.Errors!) Errors[field] = SmsTemplateFields.Message(text, field, codes[0]);
        await Load();
        return Page();
    }

    /// <summary>What a form field shows: what was posted for the kind just tried, otherwise the made-up value.</summary>
    public string ValueOf(SmsTemplateView kind, SmsTemplateParamView param) =>
        kind.Kind == Kind && Values.TryGetValue(param.Name, out var posted) ? posted : param.Example;

    private async Task Load() => Overview = await grains.GetGrain<ISmsTemplateDeskGrain>(0).GetAll();
}
