using HomeService.Web.Api.Admin;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin;

/// <summary>操作日志: search by who or what, by action and by day; newest first, a page at a time, exportable as it is filtered.</summary>
public sealed class AuditModel(AuditLogReader log, UiText text) : PageModel
{
    public AuditLogReader.EntryPage Result { get; private set; } = new([], 1, AuditLogReader.PageSize, false);
    public Dictionary<string, string> Errors { get; } = new();
    public string? Q { get; private set; }
    public string? ActionFilter { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }

    public async Task OnGet(string? q, string? action, string? from, string? to, int? page)
    {
        (Q, ActionFilter, From, To) = (q, action, from, to);
        var (filter, errors) = AuditEndpoints.Read(q, action, from, to);
        foreach (var (field, codes) in errors) Errors[field] = text.Validation(field, codes[0], "audit");
        if (Errors.Count == 0) Result = await log.Search(filter, page ?? 1);
    }

    public string Query(int? page = null) =>
        $"q={Uri.EscapeDataString(Q ?? "")}&action={Uri.EscapeDataString(ActionFilter ?? "")}&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}"
        + (page is { } p ? $"&page={p}" : "");
}
