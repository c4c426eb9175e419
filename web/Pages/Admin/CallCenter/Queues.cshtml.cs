using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>队列: every queue with its strategy and skills, live waiting and agents, and a form for a new one.</summary>
public sealed class QueuesModel(IGrainFactory grains, UiText text) : PageModel
{
    [BindProperty] public QueueForm Form { get; set; } = new();
    public IReadOnlyList<QueueConfig> Queues { get; private set; } = [];
    public IReadOnlyDictionary<string, QueueView> Live { get; private set; } = new Dictionary<string, QueueView>();
    public Dictionary<string, string> Errors { get; private set; } = new();
    public string? Created { get; private set; }

    public async Task OnGet(string? created)
    {
        Created = created is { Length: <= 32 } ? created : null;
        await Load();
    }

    public async Task<IActionResult> OnPost()
    {
        var (saved, errors) = await Form.Save(grains, isNew: true, AccountCommands.Actor(User), text);
        if (saved is not null && errors.Count == 0) return Redirect($"/admin/call-center/queues?created={Uri.EscapeDataString(saved.QueueId)}");
        Errors = errors;
        await Load();
        return Page();
    }

    private async Task Load()
    {
        Queues = (await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetQueues()).OrderBy(q => q.QueueId, StringComparer.Ordinal).ToList();
        var views = await Task.WhenAll(Queues.Select(q => grains.GetGrain<IQueueGrain>(q.QueueId).GetView()));
        Live = views.ToDictionary(v => v.QueueId);
    }
}
