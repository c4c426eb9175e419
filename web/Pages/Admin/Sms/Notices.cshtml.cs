using HomeService.Sms;
using HomeService.Web.Api.Admin;
using HomeService.Web.Data;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.Sms;

/// <summary>
/// 消息通知: an admin writes a notice to a group (all merchants, or of a category or district; workers; members who chose
/// SMS), previews the message with its billed parts and recipients, sends it now or at a set time, and follows each
/// recipient's state. The form carries its own id, so a second click of "send" sends nothing more.
/// </summary>
public sealed class NoticesModel(GroupNoticeReader notices, CatalogueReader catalogue, LivePlaces places, IGrainFactory grains, UiText text) : PageModel
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [BindProperty] public string FormId { get; set; } = Guid.NewGuid().ToString("N");
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string Kind { get; set; } = GroupAudiences.Merchants;
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? District { get; set; }
    /// <summary>Beijing time from the datetime-local input; empty: now.</summary>
    [BindProperty] public string? SendAt { get; set; }

    public GroupNoticePreview? Preview { get; private set; }
    public Dictionary<string, string> Errors { get; } = new();
    public IReadOnlyList<GroupNoticeReader.Notice> Latest { get; private set; } = [];
    public GroupNoticeReader.Detail? Shown { get; private set; }
    public IReadOnlyList<CatalogueReader.Category> Categories { get; private set; } = [];
    public IReadOnlyList<Places.District> Districts { get; private set; } = [];
    public string? Notice { get; private set; }

    public async Task OnGet(string? id, int? page, string? notice)
    {
        Notice = notice;
        if (id is not null && Guid.TryParse(id, out var key)) Shown = await notices.Get(key.ToString("N"), page ?? 1);
        await Load();
    }

    public async Task<IActionResult> OnPostPreview()
    {
        if (Draft() is { } draft)
        {
            var result = await grains.GetGrain<IGroupNoticeDeskGrain>(0).Preview(draft);
            if (result.Succeeded) Preview = result.Value;
            else Show(result.Errors!);
        }
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostSend()
    {
        if (Draft() is { } draft && Guid.TryParse(FormId, out var id))
        {
            var result = await grains.GetGrain<IGroupNoticeDeskGrain>(0).Schedule(id.ToString("N"), draft, AccountCommands.Actor(User));
            if (result.Succeeded)
            {
                await grains.GetGrain<Audit.IAuditLogGrain>(0).Record(new Audit.AuditEntry(AccountCommands.Actor(User), "sms.group-notice", "group-notice",
                    id.ToString("N")));
                return RedirectToPage(new { id = id.ToString("N"), notice = "sent" });
            }
            Show(result.Errors!);
        }
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostCancel(string id)
    {
        var cancelled = Guid.TryParse(id, out var key)
            && (await grains.GetGrain<IGroupNoticeGrain>(key.ToString("N")).Cancel(AccountCommands.Actor(User))).Succeeded;
        if (cancelled)
            await grains.GetGrain<Audit.IAuditLogGrain>(0).Record(new Audit.AuditEntry(AccountCommands.Actor(User), "sms.group-notice.cancel", "group-notice", id));
        return RedirectToPage(new { id, notice = cancelled ? "cancelled" : "not-cancelled" });
    }

    public static string Beijing(DateTimeOffset at) => BeijingTime.Minute(at);

    private GroupNoticeDraft? Draft()
    {
        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(SendAt))
        {
            if (!DateTime.TryParse(SendAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
            {
                Errors["sendAt"] = text.Validation("sendAt", "format", "groupNotice");
                return null;
            }
            at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), China);
        }
        return new GroupNoticeDraft(Text ?? "", new GroupAudience(Kind, Category, District), at);
    }

    private void Show(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, codes) in errors) Errors[field] = text.Validation(field, codes[0], "groupNotice");
    }

    private async Task Load()
    {
        Latest = await notices.Latest();
        Categories = (await catalogue.GetTree()).SelectMany(top => top.Children).ToList();
        Districts = await places.Open();
    }
}
