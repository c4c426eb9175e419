using HomeService.Audit;
using HomeService.Web.Api.Admin;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using HomeService.Web.Sms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.Sms;

/// <summary>
/// 短信日志: every SMS the center owes, by number, kind, state and day; numbers masked until an admin reveals one (audited);
/// dead letters with their reason and a resend; the last 30 days' counts and billed parts by kind and provider.
/// </summary>
public sealed class IndexModel(SmsLogReader log, SmsDeadLetters deadLetters, IGrainFactory grains, UiText text, TimeProvider clock) : PageModel
{
    public SmsLogReader.MessagePage Result { get; private set; } = new([], 1, SmsLogReader.PageSize, false);
    public IReadOnlyList<SmsLogReader.Day> Days { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new();
    public (Guid Id, string Phone)? Revealed { get; private set; }
    public string? Notice { get; private set; }
    public string? Phone { get; private set; }
    public string? Template { get; private set; }
    public string? State { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }

    public async Task OnGet(string? phone, string? template, string? state, string? from, string? to, int? page, Guid? reveal, string? notice)
    {
        (Phone, Template, State, From, To, Notice) = (phone, template, state, from, to, notice);
        var (filter, errors) = SmsEndpoints.Read(phone, template, state, from, to);
        foreach (var (field, codes) in errors) Errors[field] = text.Validation(field, codes[0], "sms");
        if (Errors.Count == 0) Result = await log.Search(filter, page ?? 1);
        if (reveal is { } id && await log.Phone(id) is { } full)
        {
            await grains.GetGrain<IAuditLogGrain>(0).Record(new AuditEntry(AccountCommands.Actor(User), "sms.reveal-phone", "sms", id.ToString()));
            Revealed = (id, full);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        Days = await log.Daily(today.AddDays(-29), today);
    }

    public async Task<IActionResult> OnPostResend(Guid id)
    {
        var outcome = await deadLetters.Resend(id);
        if (outcome == SmsDeadLetters.Outcome.Resent)
            await grains.GetGrain<IAuditLogGrain>(0).Record(new AuditEntry(AccountCommands.Actor(User), "sms.resend", "sms", id.ToString()));
        return RedirectToPage(new { notice = outcome.ToString() });
    }

    public string Shown(SmsLogReader.Message m) => Revealed is { } r && r.Id == m.OutboxId ? r.Phone : SmsEndpoints.Mask(m.Phone);

    public string Query(int? page = null) =>
        $"phone={Uri.EscapeDataString(Phone ?? "")}&template={Uri.EscapeDataString(Template ?? "")}&state={Uri.EscapeDataString(State ?? "")}"
        + $"&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}" + (page is { } p ? $"&page={p}" : "");
}
