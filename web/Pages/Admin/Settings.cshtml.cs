using HomeService.Settings;
using HomeService.Web.Api.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin;

/// <summary>系统参数: each setting with its unit, its allowed range and the value appsettings gave it.</summary>
public sealed class SettingsModel(IGrainFactory grains, UiText text) : PageModel
{
    [BindProperty] public Dictionary<string, int?> Values { get; set; } = new();
    [BindProperty] public string? DutyPhone { get; set; }
    public SettingsSnapshot Snapshot { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; private set; } = new();
    public bool Saved { get; private set; }

    public static readonly IReadOnlyList<string> Fields = SystemSettingsFields.Ranges.Keys.ToList();

    public async Task OnGet(bool? saved)
    {
        Snapshot = await grains.GetGrain<ISystemSettingsGrain>(0).Get();
        Values = SystemSettingsFields.Values(Snapshot.Values).ToDictionary(v => v.Field, v => (int?)v.Value);
        DutyPhone = Snapshot.Values.DutyPhone;
        Saved = saved == true;
    }

    public async Task<IActionResult> OnPost()
    {
        Snapshot = await grains.GetGrain<ISystemSettingsGrain>(0).Get();
        var missing = Fields.Where(f => Values.GetValueOrDefault(f) is null).ToList();
        foreach (var field in missing) Errors[field] = text.Validation(field, "required", "settings");
        if (Errors.Count > 0) return Page();
        int V(string f) => Values[f]!.Value;
        var settings = new SystemSettings(V("dispatchSlaMinutes"), V("completionGraceHours"), V("acceptTimeoutMinutes"), V("maxOfferAttempts"),
            V("followUpDelayHours"), V("creditThreshold"), V("daysBelowToWarn"), V("graceDays"),
            string.IsNullOrWhiteSpace(DutyPhone) ? null : PhoneNumber.Normalize(DutyPhone), V("earlyCheckInMinutes"));
        var result = await grains.GetGrain<ISystemSettingsGrain>(0).Save(settings, AccountCommands.Actor(User));
        if (result.Succeeded) return Redirect("/admin/settings?saved=true");
        Errors = result.Errors!.ToDictionary(e => e.Key, e => text.Validation(e.Key, e.Value[0], "settings"));
        return Page();
    }
}
