using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>The supervisor seat (班长席): the live wallboard with its controls, rendered on the server first.</summary>
public sealed class SupervisorModel(SupervisorBoard board, SupervisorAuditReader audit, TimeProvider clock) : PageModel
{
    public SupervisorBoard.Snapshot Board { get; private set; } = null!;
    public IReadOnlyList<SupervisorAuditReader.AuditRow> Audit { get; private set; } = [];

    public async Task OnGet()
    {
        Board = await board.Read(clock.GetUtcNow());
        Audit = await audit.Latest(null, null, 20);
    }
}
