using HomeService.Broadcasts;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HomeService.Web.Pages;

public sealed class WallboardModel(IGrainFactory grains, UiText text) : BroadcastPageModel(grains)
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int Minutes { get; set; } = 30;

    public Dictionary<string, string> FieldErrors { get; } = new();

    public async Task<IActionResult> OnPost()
    {
        var author = User.Find(HomeServiceClaims.DisplayName) ?? User.Identity!.Name!;
        var result = await Grains.GetGrain<IBroadcastBoardGrain>(0).Post(new PostBroadcast(Text ?? "", Minutes, author));
        if (result.Succeeded) return RedirectToPage();
        foreach (var (field, codes) in result.Errors!) FieldErrors[field] = text.Validation(field, codes[0], "broadcast");
        await OnGet();
        return Page();
    }
}
