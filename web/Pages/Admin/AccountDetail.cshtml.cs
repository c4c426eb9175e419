using HomeService.CallCenter;
using HomeService.Identity;
using HomeService.Web.Api.Admin;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin;

/// <summary>One account: edit a staff account, disable or enable any account with a reason, reset its password, lift a lockout.</summary>
public sealed class AccountDetailModel(AccountCommands commands, AuditLogReader audit, IGrainFactory grains, UiText text, TimeProvider clock) : PageModel
{
    [BindProperty] public AccountForm Form { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public UserAccount Account { get; private set; } = null!;
    public SignInGate Gate { get; private set; } = new(null);
    public bool Locked => Gate.Locked(clock.GetUtcNow());
    public bool IsStaff => Account.Roles.Count > 0 && Account.Roles.All(AccountForm.StaffRoles.Contains);
    public IReadOnlyList<AgentProfile> Seats { get; private set; } = [];
    public IReadOnlyList<AuditLogReader.Entry> History { get; private set; } = [];
    public Dictionary<string, string> Errors { get; private set; } = new();
    public string? Done { get; private set; }
    public string? OneTimePassword { get; private set; }

    public async Task<IActionResult> OnGet(string login, string? done)
    {
        if (!await Load(login)) return NotFound();
        Form = AccountForm.From(Account);
        Done = done is "saved" or "disabled" or "enabled" or "unlocked" ? done : null;
        return Page();
    }

    public Task<IActionResult> OnPostSave(string login) => Act(login, "saved", () => commands.Edit(User, login, Form.ToEdit()), keepForm: true);

    public Task<IActionResult> OnPostDisable(string login) => Act(login, "disabled", () => commands.SetDisabled(User, login, true, Reason));

    public Task<IActionResult> OnPostEnable(string login) => Act(login, "enabled", () => commands.SetDisabled(User, login, false, Reason));

    public Task<IActionResult> OnPostUnlock(string login) => Act(login, "unlocked", () => commands.Unlock(User, login));

    /// <summary>The new one-time password is shown on this answer only, never after a reload.</summary>
    public async Task<IActionResult> OnPostReset(string login)
    {
        var outcome = await commands.ResetPassword(User, login);
        if (outcome.NotFound || !await Load(login)) return NotFound();
        Form = AccountForm.From(Account);
        if (outcome.Succeeded) OneTimePassword = outcome.OneTimePassword;
        else Errors = AccountForm.Messages(outcome.Errors!, text);
        return Page();
    }

    /// <summary>Post, redirect, get: a success leads back to the page with a note; a refusal shows the errors at the fields.</summary>
    private async Task<IActionResult> Act(string login, string done, Func<Task<AccountCommands.Outcome>> command, bool keepForm = false)
    {
        var outcome = await command();
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded) return Redirect($"/admin/accounts/{Uri.EscapeDataString(login)}?done={done}");
        if (!await Load(login)) return NotFound();
        if (!keepForm) Form = AccountForm.From(Account);
        Errors = AccountForm.Messages(outcome.Errors!, text);
        return Page();
    }

    private async Task<bool> Load(string login)
    {
        if (await commands.Find(login) is not { } found) return false;
        (Account, Gate) = found;
        Seats = await AccountForm.Seats(grains);
        History = await audit.About("account", login);
        return true;
    }
}
