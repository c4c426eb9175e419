using HomeService.Web.Auth;
using HomeService.Web.Doors;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HomeService.Web.Pages;

[EnableRateLimiting(Door.SignIn)]
public sealed class LoginModel(SignInService signIn, UiText text, HomeService.Web.Data.Admin.AccountReader accounts) : PageModel, IDoorPage
{
    /// <summary>Nobody can administer this center yet: the page says how the operator creates the first administrator.</summary>
    public bool Unconfigured { get; private set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Login { get; set; }
    [BindProperty] public string? Password { get; set; }

    public Dictionary<string, string> FieldErrors { get; } = new();
    public string? FormError { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(Destination(User));
        Unconfigured = !await accounts.AnyAdmin();
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (string.IsNullOrWhiteSpace(Login)) FieldErrors["login"] = text.Validation("login", "required");
        else if (Login.Length > 64) FieldErrors["login"] = text.Validation("login", "max_length:64");
        if (string.IsNullOrEmpty(Password)) FieldErrors["password"] = text.Validation("password", "required");
        else if (Password.Length > 128) FieldErrors["password"] = text.Validation("password", "max_length:128");
        if (FieldErrors.Count > 0) return Page();

        var result = await signIn.SignIn(HttpContext, Login!, Password!);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Destination(result.Principal!));
            case SignInOutcome.Throttled:
                FormError = text["login.throttled"];
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                FormError = text["login.failed"];
                return Page();
        }
    }

    /// <summary>Too many attempts from this address: the form again, with the wait.</summary>
    public Task Refused(string message)
    {
        FormError = message;
        return Task.CompletedTask;
    }

    private string Destination(System.Security.Claims.ClaimsPrincipal user) =>
        Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl! : Policies.LandingPage(user);
}
