using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Data.Csv;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// Work-order statistics for supervisors and admins (merchants and agents get 403): the figures as JSON for the
/// reports screen, and the grouped counts as CSV for spreadsheets.
/// </summary>
public static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        var stats = api.MapGroup("/stats").WithTags("Statistics").RequireAuthorization(Policies.Supervisor);
        stats.MapGet("/orders", async Task<Results<Ok<OrderStatistics.Report>, ValidationProblem>> (
            [AsParameters] StatisticsQuery q, OrderStatistics statistics, TimeProvider clock, UiText text) =>
        {
            var (filter, errors) = q.Parse(clock.GetUtcNow());
            return filter is null ? Invalid(text, errors) : TypedResults.Ok(await statistics.Query(filter));
        });
        stats.MapGet("/orders.csv", async Task<Results<FileContentHttpResult, ValidationProblem>> (
            [AsParameters] StatisticsQuery q, OrderStatistics statistics, TimeProvider clock, UiText text) =>
        {
            var (filter, errors) = q.Parse(clock.GetUtcNow());
            if (filter is null) return Invalid(text, errors);
            var name = $"order-stats-{filter.From.ToOffset(OrderStatistics.China):yyyyMMdd}-{filter.To.ToOffset(OrderStatistics.China):yyyyMMdd}.csv";
            return TypedResults.File(await OrderStatisticsCsv.Counts(await statistics.Query(filter)), CsvExport.ContentType, name);
        });
        return api;
    }

    // "stats" lets the range fields have their own labels ("field.stats.to" rather than the forwarding "field.to").
    private static ValidationProblem Invalid(UiText text, Dictionary<string, string[]> errors) => Problems.Validation(text, errors, "stats");
}
