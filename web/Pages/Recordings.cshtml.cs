using HomeService.Web.Api;
using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>录音查询: the same rows and rules as GET /api/recordings (an agent sees only their own calls, callers masked).</summary>
public sealed class RecordingsModel(RecordingReader reader, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agent { get; set; }
    [BindProperty(SupportsGet = true)] public string? Queue { get; set; }

    public IReadOnlyList<RecordingEndpoints.RecordingListItem> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool Lead => RecordingEndpoints.IsLead(User);

    public async Task OnGet()
    {
        var (rows, errors) = await RecordingEndpoints.Read(User, reader, clock, From, To, Agent, Queue);
        (Rows, Errors) = (rows ?? [], errors);
    }
}
