using System.Security.Claims;
using HomeService.WorkOrders;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// Orders and ratings for the merchant (服务订单及评定查询, 1.4.4): its orders filterable by period, status, category
/// and rating, and its summary figures over the same period. Only its own orders: the merchant comes from the sign-in.
/// </summary>
public static class MerchantOrderReportEndpoints
{
    /// <summary>From/to as in the statistics (a date is a whole day in Asia/Shanghai; default the last 30 days).</summary>
    public sealed record ReportQuery(string? From, string? To, string? Status, string? Category, string? Rating, int? Page);

    public sealed record Report(MerchantOrderReport.Summary Summary, IReadOnlyList<MerchantOrderReport.Row> Orders, int Page);

    public static RouteGroupBuilder MapMerchantOrderReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/merchant/orders/report", Get).WithTags("Merchant portal").RequireAuthorization(Policies.MerchantDesk);
        return api;
    }

    private static async Task<Results<Ok<Report>, ValidationProblem>> Get([AsParameters] ReportQuery q, ClaimsPrincipal user,
        MerchantOrderReport report, TimeProvider clock, UiText text)
    {
        var (period, errors) = new StatisticsQuery(q.From, q.To, null, null, null, null, null).Parse(clock.GetUtcNow());
        var status = Blank(q.Status);
        if (status is not null && !Enum.TryParse<WorkOrderStatus>(status, ignoreCase: false, out _)) errors["status"] = ["unknown"];
        var rating = Blank(q.Rating);
        if (rating is not null && !MerchantOrderReport.Ratings.Contains(rating)) errors["rating"] = ["unknown"];
        var category = Blank(q.Category);
        if (category is { Length: > 50 }) errors["category"] = ["max_length:50"];
        if (q.Page is < 1 or > 1000) errors["page"] = ["range:1:1000"];
        if (errors.Count > 0 || period is null) return Problems.Validation(text, errors, "report");

        var merchantId = user.MerchantOf();
        var page = q.Page ?? 1;
        var orders = await report.Orders(new MerchantOrderReport.Filter(merchantId, period.From, period.To, status, category, rating, page));
        return TypedResults.Ok(new Report(await report.Figures(merchantId, period.From, period.To), orders, page));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
