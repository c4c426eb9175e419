using HomeService.Web.Auth;
using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

public sealed class MerchantModel(MerchantDeskReader desks) : PageModel
{
    public MerchantDeskReader.Desk? Desk { get; private set; }

    // The merchant comes from the signed-in user's claims, never from the address, so no one sees another company.
    public async Task OnGet() => Desk = User.Find(HomeServiceClaims.MerchantId) is { } id ? await desks.Get(id) : null;
}
