using HomeService.Catalogue;
using HomeService.Web.Localization;
using HomeService.WorkOrders;

namespace HomeService.Web.Data;

/// <summary>
/// What the resident told the center about the job: the notes ("家里有猫") and the category's fields (面积, 房间数) with their
/// names in the reader's language. A merchant gets them once the order is theirs (an offer it may still refuse shows none,
/// like the phone); the worker with the job. After the visit, what the worker reported at check-out (extras, money collected). Read from the orders' grains, which hold them; a desk shows few open orders.
/// </summary>
public static class OrderDetails
{
    public static async Task<IReadOnlyList<OrderReader.OrderRow>> Add(IReadOnlyList<OrderReader.OrderRow> rows, IGrainFactory grains)
    {
        var catalogue = grains.GetGrain<IServiceCatalogueGrain>(0);
        var categories = new Dictionary<string, ServiceCategory?>();
        var shown = new List<OrderReader.OrderRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Kind != "service" || row.Status == "Offered" || await grains.GetGrain<IWorkOrderGrain>(row.OrderNo).Get() is not { } view)
            {
                shown.Add(row);
                continue;
            }
            var code = view.Category ?? "";
            if (!categories.TryGetValue(code, out var category)) categories[code] = category = code.Length == 0 ? null : await catalogue.Get(code);
            var fields = category?.Terms.Fields ?? [];
            var details = view.Requirements
                .Where(r => !string.IsNullOrWhiteSpace(r.Value))
                .OrderBy(r => fields.Select(f => f.Key).ToList().IndexOf(r.Key) is var i and >= 0 ? i : int.MaxValue)
                .Select(r => fields.FirstOrDefault(f => f.Key == r.Key) is { } f
                    ? new OrderReader.OrderDetail(UiText.IsEnglish ? f.NameEn : f.NameZh, r.Value)
                    : new OrderReader.OrderDetail(r.Key, r.Value))
                .ToList();
            shown.Add(row with
            {
                Notes = string.IsNullOrWhiteSpace(view.Notes) ? null : view.Notes, Details = details,
                CheckOutExtras = view.CheckOutExtras, AmountCollected = view.CollectedFen / 100m,
            });
        }
        return shown;
    }
}
