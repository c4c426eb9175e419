using HomeService.CallCenter;
using HomeService.CallCenter.Kpis;
using HomeService.Web.Api;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Reports;

/// <summary>
/// Call reports for supervisors and admins: filters, a chart, the table and a CSV link, all from the same report the
/// API serves (<c>/api/reports/calls</c>), drawn on the server so the table works without script.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class CallsModel(IGrainFactory grains, TimeProvider clock, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? By { get; set; }
    [BindProperty(SupportsGet = true)] public string? Queue { get; set; }

    public CallKpiReport? Report { get; private set; }
    public IReadOnlyList<QueueConfig> Queues { get; private set; } = [];
    public Dictionary<string, string> FieldErrors { get; } = new();
    public string CsvLink { get; private set; } = "";

    public async Task OnGet()
    {
        Queues = await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetQueues();
        var (query, errors) = new CallReportQuery(From, To, By, Queue, null).Parse(clock.GetUtcNow(), acceptsCsv: false);
        if (query?.Queue is { } queue && Queues.All(q => q.QueueId != queue)) (query, errors) = (null, new() { ["queue"] = ["unknown"] });
        if (query is null)
        {
            foreach (var (field, codes) in errors) FieldErrors[field] = text.Validation(field, codes[0], "kpi");
            return;
        }
        Report = await grains.GetGrain<ICallReportGrain>(0).Report(query.From, query.To, query.By, query.Queue);
        var china = TimeSpan.FromHours(8);
        From ??= BeijingTime.Date(query.From);
        To ??= query.To.AddTicks(-1).ToOffset(china).ToString("yyyy-MM-dd");
        By = query.By;
        CsvLink = QueryString.Create(new Dictionary<string, string?>
        {
            ["from"] = query.From.ToString("O"), ["to"] = query.To.ToString("O"), ["by"] = query.By, ["queue"] = query.Queue, ["format"] = "csv",
        }).ToUriComponent();
    }
}
