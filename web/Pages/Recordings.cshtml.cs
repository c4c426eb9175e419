using HomeService.CallCenter;
using HomeService.CallCenter.Recording;
using HomeService.Web.Api;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>
/// 录音查询: the same rows and rules as GET /api/recordings (an agent sees only their own calls, callers masked). Every
/// answered call is an entry, with a player when there is audio and a word saying why when there is none. A player's
/// link is signed and short-lived; wwwroot/js/recordings.js fetches a fresh one from the API when it has run out.
/// </summary>
public sealed class RecordingsModel(RecordingReader reader, RecordingLinks links, IGrainFactory grains, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agent { get; set; }
    [BindProperty(SupportsGet = true)] public string? Queue { get; set; }

    public IReadOnlyList<RecordingEndpoints.RecordingListItem> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool Lead => RecordingEndpoints.IsLead(User);

    /// <summary>When the players' signed links run out (the page's script asks for fresh ones after that).</summary>
    public DateTimeOffset LinksExpireAt { get; private set; }

    private Dictionary<string, QueueConfig> _queues = [];
    private Dictionary<string, string> _agents = [];

    public async Task OnGet()
    {
        LinksExpireAt = DateTimeOffset.UtcNow + links.Lifetime;
        var (rows, errors) = await RecordingEndpoints.Read(User, reader, links, clock, From, To, Agent, Queue);
        (Rows, Errors) = (rows ?? [], errors);
        if (Rows.Count == 0) return;
        var directory = grains.GetGrain<ICallCenterDirectoryGrain>(0);
        _queues = (await directory.GetQueues()).ToDictionary(q => q.QueueId);
        _agents = (await directory.GetAgents()).ToDictionary(a => a.AgentId, a => a.Name);
    }

    /// <summary>The queue's name in the page's language; the voicemail box and outbound calls have words of their own.</summary>
    public string QueueName(string? queueId, UiText text) => queueId switch
    {
        null => "—",
        IRecordingPolicyGrain.OutboundQueue => text["recordings.queue.outbound"],
        "voicemail" => text["recordings.queue.voicemail"],
        _ when _queues.TryGetValue(queueId, out var q) => UiText.IsEnglish ? q.NameEn : q.NameZh,
        _ => queueId,
    };

    /// <summary>李敏 (A001)</summary>
    public string AgentName(string? agentId) => agentId is null ? "—"
        : _agents.TryGetValue(agentId, out var name) && name.Length > 0 ? $"{name} ({agentId})" : agentId;
}
