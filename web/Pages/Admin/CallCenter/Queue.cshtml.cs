using HomeService.CallCenter;
using HomeService.CallCenter.Kpis;
using HomeService.CallCenter.Recording;
using HomeService.Web.Api.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>
/// One queue: its settings (names included; a rename keeps every agent and waiting caller), its versions, and a
/// one-click return to any earlier one.
/// </summary>
public sealed class QueueModel(IGrainFactory grains, UiText text) : PageModel
{
    [BindProperty] public QueueForm Form { get; set; } = new();
    public string QueueId { get; private set; } = "";
    public IReadOnlyList<QueueConfig> Queues { get; private set; } = [];
    public IReadOnlyList<QueueVersion> Versions { get; private set; } = [];
    public Dictionary<string, string> Errors { get; private set; } = new();
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGet(string queueId, string? done)
    {
        if (!await Load(queueId)) return NotFound();
        var config = Queues.First(q => q.QueueId == queueId);
        var live = (await grains.GetGrain<ICallCenterKpiGrain>(0).GetLive()).Queues.FirstOrDefault(k => k.QueueId == queueId);
        Form = QueueForm.From(config, await grains.GetGrain<IRecordingPolicyGrain>(0).Records(queueId), live);
        Done = done is "saved" or "reverted" ? done : null;
        return Page();
    }

    public async Task<IActionResult> OnPostSave(string queueId)
    {
        if (!await Load(queueId)) return NotFound();
        Form.QueueId = queueId;
        var (saved, errors) = await Form.Save(grains, isNew: false, AccountCommands.Actor(User), text);
        if (saved is not null && errors.Count == 0) return Redirect($"/admin/call-center/queues/{Uri.EscapeDataString(queueId)}?done=saved");
        Errors = errors;
        return Page();
    }

    public async Task<IActionResult> OnPostRevert(string queueId, int version)
    {
        if (!await Load(queueId)) return NotFound();
        var result = await grains.GetGrain<ICallCenterDirectoryGrain>(0).RevertQueue(queueId, version, AccountCommands.Actor(User));
        if (result.Succeeded) return Redirect($"/admin/call-center/queues/{Uri.EscapeDataString(queueId)}?done=reverted");
        var page = await OnGet(queueId, null);
        Errors = result.Errors!.ToDictionary(x => x.Key == "version" ? "revert" : x.Key, x => text.Validation(x.Key, x.Value[0], "queue"));
        return page;
    }

    private async Task<bool> Load(string queueId)
    {
        if (queueId.Length > 32) return false;
        var directory = grains.GetGrain<ICallCenterDirectoryGrain>(0);
        Queues = (await directory.GetQueues()).OrderBy(q => q.QueueId, StringComparer.Ordinal).ToList();
        if (Queues.All(q => q.QueueId != queueId)) return false;
        QueueId = queueId;
        Versions = await directory.QueueHistory(queueId);
        return true;
    }
}
