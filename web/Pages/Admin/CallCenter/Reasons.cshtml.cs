using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>示忙原因: rename, add, retire or restore the reasons agents pick; consoles offer the new list on their next load.</summary>
public sealed class ReasonsModel(IGrainFactory grains, UiText text) : PageModel
{
    public sealed class ReasonForm
    {
        public string? Code { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public bool Active { get; set; } = true;
    }

    [BindProperty] public ReasonForm Form { get; set; } = new();
    public IReadOnlyList<NotReadyReason> Reasons { get; private set; } = [];
    public Dictionary<string, string> Errors { get; private set; } = new();
    public string? EditedCode { get; private set; }
    public bool Saved { get; private set; }

    public async Task OnGet(bool? saved)
    {
        Saved = saved == true;
        Reasons = await Directory.GetNotReadyReasons();
    }

    /// <summary>A new reason (the form at the bottom) or a change to one row; both are one command.</summary>
    public async Task<IActionResult> OnPost()
    {
        var result = await Directory.SaveNotReadyReason(new NotReadyReason(Form.Code?.Trim().ToLowerInvariant() ?? "", Form.NameZh ?? "", Form.NameEn ?? "",
            Form.Active), AccountCommands.Actor(User));
        if (result.Succeeded) return Redirect("/admin/call-center/reasons?saved=true");
        Errors = result.Errors!.ToDictionary(e => e.Key, e => text.Validation(e.Key, e.Value[0], "reason"));
        EditedCode = Form.Code;
        Reasons = await Directory.GetNotReadyReasons();
        return Page();
    }

    private ICallCenterDirectoryGrain Directory => grains.GetGrain<ICallCenterDirectoryGrain>(0);
}
