using HomeService.Web.Data.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin;

/// <summary>账号与权限: every account, searched and paged in the database, so ten thousand residents list as fast as ten staff.</summary>
public sealed class AccountsModel(AccountReader accounts) : PageModel
{
    public static readonly IReadOnlyList<string> RoleFilter = Identity.Roles.All;

    public AccountReader.AccountPage Result { get; private set; } = new([], 0, 1, AccountReader.PageSize);
    public string? Q { get; private set; }
    public string? Role { get; private set; }
    public string? State { get; private set; }

    public async Task OnGet(string? q, string? role, string? state, int? page)
    {
        Q = q is { Length: > 64 } ? q[..64] : q;
        Role = RoleFilter.Contains(role) ? role : null;
        State = state is "active" or "disabled" ? state : null;
        Result = await accounts.List(Q, Role, State, page ?? 1);
    }

    public string PageLink(int page) =>
        $"/admin/accounts?q={Uri.EscapeDataString(Q ?? "")}&role={Role}&state={State}&page={page}";
}
