using HomeService.Web.Api;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Account;

/// <summary>Change one's own password; where a one-time password leads, and the only page open until it is changed.</summary>
public sealed class PasswordModel(OwnPassword password, UiText text) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public Dictionary<string, string> Errors { get; } = new();
    public bool MustChange => User.Find(HomeServiceClaims.MustChangePassword) is not null;

    public void OnGet() { }

    public async Task<IActionResult> OnPost()
    {
        if (NewPassword != ConfirmPassword) Errors["confirmPassword"] = text.Validation("confirmPassword", "mismatch");
        var errors = await password.Change(HttpContext, User, CurrentPassword, NewPassword);
        foreach (var (field, codes) in errors) Errors[field] = text.Validation(field, codes[0]);
        if (Errors.Count > 0) return Page();
        return LocalRedirect($"{Policies.LandingPage(User)}");
    }
}
