using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

public sealed class WorkerModel(CatalogueReader catalogue, UiText t) : PageModel
{
    /// <summary>What worker.js needs: its words and the status and category names.</summary>
    public object Script { get; private set; } = new { };

    public async Task OnGet() => Script = new
    {
        text = OrderScreenText.For(t, "worker.en_route", "worker.check_in", "worker.check_out", "worker.error",
            "field.address", "field.contactPhone", "field.windowEnd", "order.notes", "order.details", "worker.early.confirm", "worker.cancel",
            "worker.checkout.title", "worker.checkout.confirm", "worker.checkout.hint", "field.checkout.extras", "field.checkout.amountCollected",
            "worker.summary.extras", "worker.summary.collected"),
        categories = await catalogue.Names(),
    };
}
