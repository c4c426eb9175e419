using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>
/// 黑名单: nuisance numbers with a reason and an expiry, searched and paged on the server; block a number, lift a block,
/// or revert a number's entry to its previous version. A blocked caller hears a message and never reaches a queue.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class BlacklistModel(HotlineReader reader, HotlineCommands commands, TimeProvider clock, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNo { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ExpiresOn { get; set; }

    public HotlineReader.BlacklistPage List { get; private set; } = new([], 0, 1, HotlineReader.PageSize);
    public DateOnly Today { get; private set; }
    public Dictionary<string, string> Errors { get; } = new();
    /// <summary>The number a row's unblock or revert was refused for, and why.</summary>
    public (string Number, string Message)? RowError { get; private set; }

    public async Task OnGet()
    {
        await Load();
        ExpiresOn ??= Today.AddDays(30).ToString("yyyy-MM-dd");
    }

    public async Task<IActionResult> OnPostBlock()
    {
        await Load();
        DateOnly? until = DateOnly.TryParseExact(ExpiresOn ?? "", "yyyy-MM-dd", out var d) ? d : null;
        if (until is null && !string.IsNullOrWhiteSpace(ExpiresOn)) Errors["expiresOn"] = text.Validation("expiresOn", "format", "blacklist");
        else
        {
            var outcome = await commands.Block(User, Number, Reason, until);
            if (outcome.Succeeded) return Redirect($"/admin/call-center/blacklist?q={Uri.EscapeDataString(outcome.Value!.Number)}&done=blocked");
            foreach (var (field, codes) in outcome.Errors!) Errors[field] = text.Validation(field, codes[0], "blacklist");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostUnblock() =>
        await Row(async number => await commands.Unblock(User, number, Reason), "unblocked");

    public async Task<IActionResult> OnPostRevert() =>
        await Row(async number => await commands.RevertBlock(User, number), "reverted");

    private async Task<IActionResult> Row(Func<string, Task<HotlineCommands.Outcome<BlacklistVersion>>> command, string done)
    {
        var number = Number ?? "";
        var outcome = await command(number);
        if (outcome.Succeeded) return Redirect($"/admin/call-center/blacklist?q={Uri.EscapeDataString(number)}&done={done}");
        await Load();
        var (field, codes) = outcome.NotFound ? ("number", ["unknown"]) : (outcome.Errors!.First().Key, outcome.Errors!.First().Value);
        RowError = (number, text.Validation(field, codes[0], "blacklist"));
        Reason = null;
        Number = null;
        ExpiresOn = Today.AddDays(30).ToString("yyyy-MM-dd");
        return Page();
    }

    private async Task Load()
    {
        Today = BlacklistEndpoints.Today(clock);
        List = await reader.Blacklist(Q is { Length: > 32 } ? Q[..32] : Q, State, Today, PageNo ?? 1);
    }

    public string PageLink(int page) =>
        $"/admin/call-center/blacklist?q={Uri.EscapeDataString(Q ?? "")}&state={Uri.EscapeDataString(State ?? "")}&page={page}";
}
