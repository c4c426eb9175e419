using HomeService.CallCenter;
using HomeService.CallCenter.Kpis;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Data.Csv;
using HomeService.Web.Localization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// Call-center KPIs for supervisors and admins: the historical report (JSON, or CSV with <c>format=csv</c> or
/// <c>Accept: text/csv</c>) and the live figures the wallboard starts from before <c>kpi.updated</c> pushes arrive.
/// Definitions: docs/kpis.md.
/// </summary>
public static class CallKpiEndpoints
{
    public static RouteGroupBuilder MapCallKpiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/calls", async Task<Results<Ok<CallKpiReport>, FileContentHttpResult, ValidationProblem>> (
            [AsParameters] CallReportQuery q, HttpRequest request, IGrainFactory grains, TimeProvider clock, UiText text) =>
        {
            var (query, errors) = await Check(q, request, grains, clock);
            if (query is null) return Problems.Validation(text, errors, "kpi");
            var report = await grains.GetGrain<ICallReportGrain>(0).Report(query.From, query.To, query.By, query.Queue);
            if (!query.Csv) return TypedResults.Ok(report);
            var china = TimeSpan.FromHours(8);
            var name = $"calls-{query.By}-{query.From.ToOffset(china):yyyyMMddHHmm}-{query.To.ToOffset(china):yyyyMMddHHmm}.csv";
            return TypedResults.File(await CallReportCsv.Write(report, text), CsvExport.ContentType, name);
        }).WithTags("Reports").RequireAuthorization(Policies.Supervisor);

        var kpis = api.MapGroup("/kpis").WithTags("Reports").RequireAuthorization(Policies.Supervisor);
        kpis.MapGet("/live", async (IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<ICallCenterKpiGrain>(0).GetLive()));
        // The same report as /api/reports/calls, worked out from the live figures in memory (today only): what the wallboard
        // showed for an interval, to set beside the historical figures.
        kpis.MapGet("/live/report", async Task<Results<Ok<CallKpiReport>, ValidationProblem>> (
            [AsParameters] CallReportQuery q, HttpRequest request, IGrainFactory grains, TimeProvider clock, UiText text) =>
        {
            var (query, errors) = await Check(q, request, grains, clock);
            var report = query is null ? null : await grains.GetGrain<ICallCenterKpiGrain>(0).GetWindow(query.From, query.To, query.By, query.Queue);
            if (query is not null && report is null) errors["from"] = ["today-only"];
            return report is null ? Problems.Validation(text, errors, "kpi") : TypedResults.Ok(report);
        });
        kpis.MapPut("/service-levels/{queueId}", async Task<Results<Ok<LiveQueueKpis>, ValidationProblem, ProblemHttpResult>> (
            string queueId, ServiceLevelRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
        {
            if (queueId.Length > 64 || await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetQueue(queueId) is null)
                return Problems.Status(404, ProblemTypes.NotFound, "No such queue.");
            var missing = new Dictionary<string, string[]>();
            if (body.WithinSeconds is null) missing["withinSeconds"] = ["required"];
            if (body.TargetPercent is null) missing["targetPercent"] = ["required"];
            if (missing.Count > 0) return Problems.Validation(text, missing, "kpi");
            var result = await grains.GetGrain<ICallCenterKpiGrain>(0).SetServiceLevel(queueId, body.WithinSeconds!.Value, body.TargetPercent!.Value,
                user.Identity?.Name ?? "supervisor");
            return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!, "kpi");
        });
        return api;
    }

    private static async Task<(CallReportQuery.Parsed?, Dictionary<string, string[]>)> Check(
        CallReportQuery q, HttpRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var acceptsCsv = request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);
        var (query, errors) = q.Parse(clock.GetUtcNow(), acceptsCsv);
        if (query?.Queue is { } queue && await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetQueue(queue) is null)
        {
            errors["queue"] = ["unknown"];
            return (null, errors);
        }
        return (query, errors);
    }
}

/// <summary>A queue's service-level threshold: <c>targetPercent</c> % of calls answered within <c>withinSeconds</c>.</summary>
public sealed record ServiceLevelRequest(int? WithinSeconds, int? TargetPercent);
