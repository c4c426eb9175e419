using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>热线号码: every number with its entry (IVR or queues), hours and version, and a form that adds a number.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class HotlinesModel(HotlineReader reader, HotlineCommands commands, IGrainFactory grains, UiText text) : PageModel
{
    [BindProperty] public string? Dialled { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? QueueId { get; set; }

    public IReadOnlyList<HotlineReader.HotlineRow> Rows { get; private set; } = [];
    public IReadOnlyList<QueueConfig> Queues { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new();

    public async Task OnGet() => await Load();

    /// <summary>A new number starts open all day with its one queue; the admin then sets its hours and routes on its own page.</summary>
    public async Task<IActionResult> OnPost()
    {
        var dialled = Dialled?.Trim() ?? "";
        if (dialled.Length == 0) Errors["dialled"] = text.Validation("dialled", "required", "hotline");
        else if (await commands.Hotline(dialled) is not null) Errors["dialled"] = text.Validation("dialled", "exists", "hotline");
        if (Errors.Count == 0)
        {
            var outcome = await commands.SaveHotline(User, dialled, new HotlineCommands.HotlineBody(Name, true,
                [new HotlineCommands.RouteBody("", QueueId, 0)], "00:00-24:00", "00:00-24:00", "00:00-24:00", ClosedActions.Message, "", null, "",
                false, 0));
            if (outcome.Succeeded) return Redirect($"/admin/call-center/hotlines/{Uri.EscapeDataString(dialled)}?saved={outcome.Value!.Version}");
            foreach (var (field, codes) in outcome.Errors!)
                Errors[field.StartsWith("routes") ? "queueId" : field] = text.Validation(field.StartsWith("routes") ? "queueId" : field, codes[0], "hotline");
        }
        await Load();
        return Page();
    }

    private async Task Load()
    {
        Rows = await reader.Hotlines();
        Queues = (await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetQueues()).OrderBy(q => q.QueueId, StringComparer.Ordinal).ToList();
    }
}
