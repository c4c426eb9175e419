using HomeService.Identity;
using HomeService.Web.Api;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Account;

/// <summary>
/// Where a set-password link from an SMS leads (no sign-in): the login it is for, a new password twice, and then the
/// way to sign in. A link that is unknown, expired or used up says so before anyone types.
/// </summary>
public sealed class SetupModel(AccountSetup setup, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public string? Login { get; private set; }
    /// <summary>Why the link cannot be used (a sentence), or null while it can.</summary>
    public string? LinkProblem { get; private set; }
    public bool Done { get; private set; }
    public Dictionary<string, string> Errors { get; } = new();

    public async Task OnGet()
    {
        NoLeaks();
        var (login, state) = await setup.Check(Token);
        Login = login;
        if (state != SetupLinkOutcome.Good) LinkProblem = text[$"setup.{AccountSetup.Code(state)}"];
    }

    public async Task<IActionResult> OnPost()
    {
        NoLeaks();
        if (NewPassword != ConfirmPassword) Errors["confirmPassword"] = text.Validation("confirmPassword", "mismatch");
        else
        {
            var outcome = await setup.Use(Token, NewPassword);
            if (outcome.Errors.TryGetValue("token", out var codes)) LinkProblem = text[$"setup.{codes[0]}"];
            foreach (var (field, fieldCodes) in outcome.Errors.Where(e => e.Key != "token")) Errors[field] = text.Validation(field, fieldCodes[0], "setup");
            Done = outcome.Login is not null;
        }
        SetupLinkToken.TryParse(Token, out var login, out _);
        Login = login.Length > 0 ? login : null;
        if (!Done && LinkProblem is null && Errors.Count == 0) LinkProblem = text["setup.invalid-link"];
        return Page();
    }

    /// <summary>The token is in the address: it must not travel on in a Referer or sit in a shared cache.</summary>
    private void NoLeaks()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
    }
}
