using HomeService.Broadcasts;
using HomeService.CallCenter.Kpis;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HomeService.Web.Pages;

/// <summary>
/// The wallboard (班长监控墙): a big-screen view of every queue (waiting calls, longest wait, service level), the agents
/// by status and the center's service level, legible across the room and kept live by pushes (wallboard.js); below it,
/// the broadcast form and the live KPI panel.
/// </summary>
public sealed class WallboardModel(IGrainFactory grains, UiText text, SupervisorBoard board, TimeProvider clock) : BroadcastPageModel(grains)
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int Minutes { get; set; } = 30;

    public Dictionary<string, string> FieldErrors { get; } = new();

    public SupervisorBoard.Snapshot Board { get; private set; } = null!;
    public LiveKpis Kpis { get; private set; } = null!;

    public override async Task OnGet()
    {
        await base.OnGet();
        (Board, Kpis) = await Read();
    }

    /// <summary>The board and the live figures again, as JSON: the page's script asks after an agent's change or a reconnect.</summary>
    public async Task<IActionResult> OnGetBoard()
    {
        var (snapshot, kpis) = await Read();
        return new JsonResult(new
        {
            queues = snapshot.Queues,
            agents = snapshot.Agents.Select(a => new { a.AgentId, a.Name, Status = a.Status.ToString(), a.StatusSince }),
            kpis,
        });
    }

    public async Task<IActionResult> OnPost()
    {
        var author = User.Find(HomeServiceClaims.DisplayName) ?? User.Identity!.Name!;
        var result = await Grains.GetGrain<IBroadcastBoardGrain>(0).Post(new PostBroadcast(Text ?? "", Minutes, author));
        if (result.Succeeded) return RedirectToPage();
        foreach (var (field, codes) in result.Errors!) FieldErrors[field] = text.Validation(field, codes[0], "broadcast");
        await OnGet();
        return Page();
    }

    private async Task<(SupervisorBoard.Snapshot, LiveKpis)> Read() =>
        (await board.Read(clock.GetUtcNow()), await Grains.GetGrain<ICallCenterKpiGrain>(0).GetLive());

    /// <summary>A wait as the board shows it: m:ss.</summary>
    public static string Wait(int seconds) => $"{seconds / 60}:{seconds % 60:00}";

    /// <summary>A service level as the board shows it; "—" when no call was answered or abandoned yet.</summary>
    public static string Percent(double? value) => value is { } v ? $"{v:0}%" : "—";
}
