using HomeService.Broadcasts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>A page that shows the live broadcast board (agent console).</summary>
public class BroadcastPageModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<Broadcast> Broadcasts { get; protected set; } = [];

    protected IGrainFactory Grains => grains;

    public virtual async Task OnGet() => Broadcasts = await grains.GetGrain<IBroadcastBoardGrain>(0).GetActive();
}
