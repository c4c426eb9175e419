using HomeService.Places;
using HomeService.Web.Api.Admin;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin;

/// <summary>
/// 区域与街道 (part of 服务目录): the city's districts, a district's names, place and state, and its streets. Plain form
/// posts to the places grain's commands (the API's and the demo seeder's too); errors come back beside their fields.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class PlacesModel(IGrainFactory grains, UiText text) : PageModel
{
    public IReadOnlyList<District> Districts { get; private set; } = [];
    public District? Selected { get; private set; }
    public Dictionary<string, string> Errors { get; } = new();
    public string? Saved { get; private set; }

    /// <summary>The street whose rename was refused: its row shows what was sent.</summary>
    public string? RefusedStreet { get; private set; }

    [BindProperty] public DistrictForm NewDistrict { get; set; } = new();
    [BindProperty] public DistrictForm Edit { get; set; } = new();
    [BindProperty] public StreetForm Street { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public sealed class DistrictForm
    {
        public string? Code { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public int? SortOrder { get; set; }
    }

    public sealed class StreetForm
    {
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
    }

    private ICityPlacesGrain Places => grains.GetGrain<ICityPlacesGrain>(0);

    public async Task OnGet(string? district, string? saved)
    {
        await Load(district);
        if (Selected is { } d) Edit = new DistrictForm { NameZh = d.NameZh, NameEn = d.NameEn, SortOrder = d.SortOrder };
        Saved = saved is "add" or "edit" or "retire" or "reinstate" or "street" ? text[$"place.saved.{saved}"] : null;
    }

    public async Task<IActionResult> OnPostAddDistrict()
    {
        if (NumberProblem("NewDistrict.SortOrder", "new.sortOrder")) return await Refused(null);
        var result = await Places.AddDistrict(new NewDistrict(NewDistrict.Code?.Trim().ToLowerInvariant() ?? "", NewDistrict.NameZh ?? "",
            NewDistrict.NameEn ?? "", NewDistrict.SortOrder), AccountCommands.Actor(User));
        return result.Succeeded ? Done(result.Value!.Code, "add") : await Refused(null, result, "new.", "place");
    }

    public async Task<IActionResult> OnPostEditDistrict(string district)
    {
        if (NumberProblem("Edit.SortOrder", "sortOrder")) return await Refused(district);
        if (Edit.SortOrder is null)
        {
            Errors["sortOrder"] = text.Validation("sortOrder", "required", "place");
            return await Refused(district);
        }
        var result = await Places.EditDistrict(district, new DistrictEdit(Edit.NameZh ?? "", Edit.NameEn ?? "", Edit.SortOrder.Value), AccountCommands.Actor(User));
        return result.Succeeded ? Done(district, "edit") : await Refused(district, result, "", "place");
    }

    public async Task<IActionResult> OnPostDistrictActive(string district, bool active)
    {
        var result = await Places.SetDistrictActive(district, active, Reason, AccountCommands.Actor(User));
        return result.Succeeded ? Done(district, active ? "reinstate" : "retire") : await Refused(district, result, "state.", "place");
    }

    public async Task<IActionResult> OnPostAddStreet(string district)
    {
        var result = await Places.AddStreet(district, new StreetNames(Street.NameZh ?? "", Street.NameEn ?? ""), AccountCommands.Actor(User));
        return result.Succeeded ? Done(district, "street", "streets") : await Refused(district, result, "new-street.", "street");
    }

    public async Task<IActionResult> OnPostRenameStreet(string district, string street)
    {
        var result = await Places.RenameStreet(street, new StreetNames(Street.NameZh ?? "", Street.NameEn ?? ""), AccountCommands.Actor(User));
        if (result.Succeeded) return Done(district, "street", "streets");
        RefusedStreet = street;
        return await Refused(district, result, $"street.{street}.", "street");
    }

    public async Task<IActionResult> OnPostStreetActive(string district, string street, bool active)
    {
        var result = await Places.SetStreetActive(street, active, null, AccountCommands.Actor(User));
        return result.Succeeded ? Done(district, "street", "streets") : await Refused(district, result, $"street.{street}.", "street");
    }

    /// <summary>After a change, the page again (a refresh does not post twice), at the part that changed.</summary>
    private RedirectResult Done(string district, string saved, string anchor = "district") =>
        Redirect($"/admin/catalogue/places?district={Uri.EscapeDataString(district)}&saved={saved}#{anchor}");

    private async Task<IActionResult> Refused(string? district, CommandResult<District>? result = null, string prefix = "", string context = "place")
    {
        if (result?.Errors is { } errors)
        {
            if (errors.Values.Any(codes => codes.Contains("unknown")) && (errors.ContainsKey("code") || errors.ContainsKey("street") || errors.ContainsKey("district"))
                && prefix != "new.")
                return NotFound();
            foreach (var (field, codes) in errors) Errors[prefix + field] = text.Validation(field, codes[0], context);
        }
        await Load(district);
        if (district is not null && Selected is null) return NotFound();
        if (Selected is { } d && Edit.NameZh is null && Edit.NameEn is null) Edit = new DistrictForm { NameZh = d.NameZh, NameEn = d.NameEn, SortOrder = d.SortOrder };
        return Page();
    }

    /// <summary>A number field the browser sent as something else ("abc"): its own error, before anything is sent on.</summary>
    private bool NumberProblem(string key, string field)
    {
        if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0) return false;
        Errors[field] = text.Validation(field.Split('.')[^1], "format", "place");
        return true;
    }

    private async Task Load(string? district)
    {
        Districts = (await Places.GetAll()).Districts;
        Selected = district is null ? null : Districts.FirstOrDefault(d => d.Code == district);
    }

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public static string Name(District d) => UiText.IsEnglish ? d.NameEn : d.NameZh;
}
