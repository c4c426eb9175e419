using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin;

/// <summary>A new staff account; its one-time password is shown on this page once, and never again.</summary>
public sealed class AccountNewModel(AccountCommands commands, IGrainFactory grains, UiText text) : PageModel
{
    [BindProperty] public AccountForm Form { get; set; } = new();
    public Dictionary<string, string> Errors { get; private set; } = new();
    public IReadOnlyList<AgentProfile> Seats { get; private set; } = [];
    public string? OneTimePassword { get; private set; }

    public async Task OnGet() => Seats = await AccountForm.Seats(grains);

    public async Task<IActionResult> OnPost()
    {
        Seats = await AccountForm.Seats(grains);
        var outcome = await commands.Create(User, Form.Login, Form.ToEdit());
        if (!outcome.Succeeded)
        {
            Errors = AccountForm.Messages(outcome.Errors!, text);
            return Page();
        }
        Form = AccountForm.From(outcome.Account!);
        OneTimePassword = outcome.OneTimePassword;
        return Page();
    }
}
