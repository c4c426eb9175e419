using System.Globalization;
using HomeService.Identity;
using HomeService.Web.Api.Admin;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin;

/// <summary>
/// 接口密钥: the list of keys (searched and paged on the server), the issue form, and for one chosen key (?key=) its details
/// with the rotate and revoke forms. A new key is shown once, in the answer to the form that made it; no redirect carries it.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class KeysModel(KeyReader reader, KeyCommands commands, UiText text, TimeProvider clock) : PageModel
{
    /// <summary>The overlaps offered when rotating, in minutes: none, an hour, a day, a week, 30 days.</summary>
    public static readonly int[] Overlaps = [0, 60, 1440, 10080, KeyCommands.MaxOverlapMinutes];
    public const int DefaultOverlap = 1440;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "kind")] public string? KindFilter { get; set; }
    [FromQuery(Name = "state")] public string? StateFilter { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "key")] public string? KeyId { get; set; }
    [FromQuery(Name = "done")] public string? Done { get; set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; } = ApiKeyKinds.Telephony;
    [BindProperty] public string? PartnerId { get; set; }
    [BindProperty] public string? ExpiresOn { get; set; }
    [BindProperty] public int? OverlapMinutes { get; set; } = DefaultOverlap;
    [BindProperty] public string? Reason { get; set; }

    public KeyReader.KeyPage Keys { get; private set; } = new([], 0, 1, KeyReader.PageSize);
    public KeyEndpoints.KeyDetails? Selected { get; private set; }
    /// <summary>The whole new key, in this answer only.</summary>
    public string? NewKey { get; private set; }
    /// <summary>Which form the errors belong to: issue, rotate or revoke.</summary>
    public string? FailedForm { get; private set; }
    public Dictionary<string, string> Errors { get; } = new();

    public int Pages => Math.Max(1, (Keys.Total + Keys.PageSize - 1) / Keys.PageSize);

    public Task OnGet() => Load();

    public async Task<IActionResult> OnPostIssue()
    {
        var expires = Expiry("issue");
        if (Errors.Count == 0)
        {
            var outcome = await commands.Issue(User, Name, Kind, PartnerId, expires);
            if (Fail("issue", outcome)) return await Reload();
            (NewKey, KeyId) = (outcome.ApiKey, outcome.Key!.KeyId);
            (Name, PartnerId, ExpiresOn) = (null, null, null);
        }
        return await Reload();
    }

    public async Task<IActionResult> OnPostRotate()
    {
        var expires = Expiry("rotate");
        if (Errors.Count == 0 && KeyId is { } keyId)
        {
            var outcome = await commands.Rotate(User, keyId, OverlapMinutes, expires);
            if (outcome.NotFound) return NotFound();
            if (Fail("rotate", outcome)) return await Reload();
            (NewKey, KeyId, ExpiresOn) = (outcome.ApiKey, outcome.Key!.KeyId, null);
        }
        return await Reload();
    }

    public async Task<IActionResult> OnPostRevoke()
    {
        if (KeyId is not { } keyId) return NotFound();
        var outcome = await commands.Revoke(User, keyId, Reason);
        if (outcome.NotFound) return NotFound();
        if (Fail("revoke", outcome)) return await Reload();
        return LocalRedirect($"/admin/keys?key={Uri.EscapeDataString(keyId)}&done=revoked");
    }

    /// <summary>The address of the list with the filters kept, on another page or with another key chosen.</summary>
    public string Link(int? page = null, string? key = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Query)) query.Add($"q={Uri.EscapeDataString(Query)}");
        if (!string.IsNullOrEmpty(KindFilter)) query.Add($"kind={Uri.EscapeDataString(KindFilter)}");
        if (!string.IsNullOrEmpty(StateFilter)) query.Add($"state={Uri.EscapeDataString(StateFilter)}");
        if ((page ?? Keys.Page) > 1) query.Add($"page={page ?? Keys.Page}");
        if (key is not null) query.Add($"key={Uri.EscapeDataString(key)}");
        return "/admin/keys" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>A moment as people in the city read it (Asia/Shanghai), or a dash.</summary>
    public static string At(DateTimeOffset? at) => at is { } t ? BeijingTime.Minute(t) : "—";

    /// <summary>"Valid through" a date: the key ends when that day ends in Asia/Shanghai.</summary>
    private DateTimeOffset? Expiry(string form)
    {
        if (string.IsNullOrWhiteSpace(ExpiresOn)) return null;
        if (DateOnly.TryParseExact(ExpiresOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year < 9999)
            return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Shanghai);
        FailedForm = form;
        Errors["expiresAt"] = text.Validation("expiresAt", "format", "key");
        return null;
    }

    private bool Fail(string form, KeyCommands.Outcome outcome)
    {
        if (outcome.Succeeded) return false;
        FailedForm = form;
        foreach (var (field, codes) in outcome.Errors!) Errors[field] = text.Validation(field, codes[0], "key");
        return true;
    }

    private async Task<IActionResult> Reload()
    {
        // An answer may hold a whole key: no cache, no back-button copy of it.
        if (NewKey is not null) Response.Headers.CacheControl = "no-store";
        await Load();
        return Page();
    }

    private async Task Load()
    {
        Keys = await reader.List(Query is { Length: > 64 } ? Query[..64] : Query, KindFilter, StateFilter, PageNumber);
        if (KeyId is { } key && await commands.Find(key) is { } view) Selected = KeyEndpoints.Details(view, clock.GetUtcNow());
    }
}
