using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>
/// One hotline number: its entry (platform IVR or queues by choice), routes, hours per kind of day, what callers hear
/// outside them or when blocked; each save is a version, listed with a one-click revert to the previous one.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class HotlineModel(HotlineReader reader, HotlineCommands commands, IGrainFactory grains, UiText text) : PageModel
{
    public const int BlankRoutes = 3;

    public sealed class RouteForm
    {
        public string? Choice { get; set; }
        public string? QueueId { get; set; }
        public int? Priority { get; set; }
    }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public bool IvrAnswers { get; set; }
    [BindProperty] public List<RouteForm> Routes { get; set; } = [];
    [BindProperty] public string? WorkdayHours { get; set; }
    [BindProperty] public string? RestDayHours { get; set; }
    [BindProperty] public string? HolidayHours { get; set; }
    [BindProperty] public string? ClosedAction { get; set; }
    [BindProperty] public string? ClosedMessage { get; set; }
    [BindProperty] public string? OverflowTo { get; set; }
    [BindProperty] public string? BlockedMessage { get; set; }
    [BindProperty] public bool BlockWithheld { get; set; }
    [BindProperty] public int? BaseVersion { get; set; }

    public string Dialled { get; private set; } = "";
    public HotlineVersion? Current { get; private set; }
    public IvrFlowVersion? Flow { get; private set; }
    public IReadOnlyList<HotlineReader.VersionRow> Versions { get; private set; } = [];
    public IReadOnlyList<QueueConfig> Queues { get; private set; } = [];
    /// <summary>Field errors by form field (routes by their row on the form: "routes[2].queueId").</summary>
    public Dictionary<string, string> Errors { get; } = new();
    [BindProperty(SupportsGet = true)] public int? Saved { get; set; }
    [BindProperty(SupportsGet = true)] public int? Reverted { get; set; }

    public async Task<IActionResult> OnGet(string dialled)
    {
        if (!await Load(dialled)) return NotFound();
        Fill(Current!.Settings);
        BaseVersion = Current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostSave(string dialled)
    {
        if (!await Load(dialled)) return NotFound();
        // Blank rows (no queue, no keys) are left out; the rest keep their row numbers for the errors.
        var rows = Routes.Select((r, i) => (r, i)).Where(x => !string.IsNullOrWhiteSpace(x.r.QueueId) || !string.IsNullOrWhiteSpace(x.r.Choice)).ToList();
        var outcome = await commands.SaveHotline(User, Dialled, new HotlineCommands.HotlineBody(Name, IvrAnswers,
            rows.Select(x => new HotlineCommands.RouteBody(x.r.Choice, x.r.QueueId, x.r.Priority)).ToList(), WorkdayHours ?? "", RestDayHours ?? "",
            HolidayHours ?? "", ClosedAction, ClosedMessage, OverflowTo, BlockedMessage, BlockWithheld, BaseVersion));
        if (outcome.Succeeded) return Redirect($"/admin/call-center/hotlines/{Uri.EscapeDataString(Dialled)}?saved={outcome.Value!.Version}");
        foreach (var (field, codes) in outcome.Errors!)
        {
            var key = System.Text.RegularExpressions.Regex.Replace(field, @"^routes\[(\d+)\]",
                m => $"routes[{rows[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].i}]");
            Errors[key] = text.Validation(field, codes[0], "hotline");
        }
        PadRoutes();
        return Page();
    }

    public async Task<IActionResult> OnPostRevert(string dialled)
    {
        if (!await Load(dialled)) return NotFound();
        var outcome = await commands.RevertHotline(User, Dialled);
        if (outcome.Succeeded) return Redirect($"/admin/call-center/hotlines/{Uri.EscapeDataString(Dialled)}?reverted={outcome.Value!.Version}");
        foreach (var (field, codes) in outcome.Errors ?? new Dictionary<string, string[]>()) Errors["revert"] = text.Validation(field, codes[0], "hotline");
        Fill(Current!.Settings);
        BaseVersion = Current.Version;
        return Page();
    }

    private async Task<bool> Load(string dialled)
    {
        Dialled = dialled;
        Current = await commands.Hotline(dialled);
        if (Current is null) return false;
        Flow = await grains.GetGrain<IIvrFlowGrain>(dialled).Current();
        Versions = await reader.Versions("hotline", dialled);
        Queues = (await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetQueues()).OrderBy(q => q.QueueId, StringComparer.Ordinal).ToList();
        return true;
    }

    private void Fill(HotlineSettings s)
    {
        (Name, IvrAnswers, WorkdayHours, RestDayHours, HolidayHours) = (s.Name, s.IvrAnswers, s.WorkdayHours, s.RestDayHours, s.HolidayHours);
        (ClosedAction, ClosedMessage, OverflowTo, BlockedMessage, BlockWithheld) = (s.ClosedAction, s.ClosedMessage, s.OverflowTo, s.BlockedMessage, s.BlockWithheld);
        Routes = s.Routes.Select(r => new RouteForm { Choice = r.Choice, QueueId = r.QueueId, Priority = r.Priority }).ToList();
        PadRoutes();
    }

    private void PadRoutes()
    {
        for (var i = 0; i < BlankRoutes; i++) Routes.Add(new RouteForm());
    }
}
