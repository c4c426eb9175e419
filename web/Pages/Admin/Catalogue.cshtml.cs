using HomeService.Catalogue;
using HomeService.Web.Api.Admin;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin;

/// <summary>
/// 服务目录: the category tree, a category's edit form (names, group, place, business attributes, price and service
/// guide), add, retire and reinstate. Plain form posts to the catalogue grain's commands (the API's and the demo
/// seeder's too), so it works without JavaScript; errors come back beside their fields.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class CatalogueModel(IGrainFactory grains, UiText text) : PageModel
{
    /// <summary>Empty attribute rows under the category's own: how a new business attribute is added without script.</summary>
    public const int BlankRows = 2;

    public IReadOnlyList<ServiceCategory> All { get; private set; } = [];
    public IEnumerable<ServiceCategory> Groups => All.Where(c => c.ParentCode is null);
    public IEnumerable<ServiceCategory> Children(string group) => All.Where(c => c.ParentCode == group);
    public ServiceCategory? Selected { get; private set; }
    public Dictionary<string, string> Errors { get; } = new();
    public string? Saved { get; private set; }

    [BindProperty] public NewForm Add { get; set; } = new();
    [BindProperty] public EditForm Edit { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public sealed class NewForm
    {
        public string? Code { get; set; }
        public string? ParentCode { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
    }

    public sealed class EditForm
    {
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public string? ParentCode { get; set; }
        public int? SortOrder { get; set; }
        public int? DispatchSlaMinutes { get; set; }
        public int? CompletionGraceHours { get; set; }
        public string? PriceGuideZh { get; set; }
        public string? PriceGuideEn { get; set; }
        public string? DescriptionZh { get; set; }
        public string? DescriptionEn { get; set; }
        public string? DurationZh { get; set; }
        public string? DurationEn { get; set; }
        public string? Skills { get; set; }
        /// <summary>The names people use for the service (俗称), separated by commas or 、.</summary>
        public string? Aliases { get; set; }
        public List<AttributeRow> Attributes { get; set; } = [];
    }

    /// <summary>One business attribute as the form shows it; choices one per line.</summary>
    public sealed class AttributeRow
    {
        public string? Key { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public string? Type { get; set; }
        public bool Required { get; set; }
        public string? Choices { get; set; }
        public bool Remove { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(NameZh) && string.IsNullOrWhiteSpace(NameEn)
            && string.IsNullOrWhiteSpace(Choices);
    }

    private IServiceCatalogueGrain Catalogue => grains.GetGrain<IServiceCatalogueGrain>(0);

    public async Task OnGet(string? code, string? saved)
    {
        await Load(code);
        if (Selected is { } c) Edit = FormOf(c);
        Saved = saved is "add" or "edit" or "retire" or "reinstate" ? text[$"catalogue.saved.{saved}"] : null;
    }

    public async Task<IActionResult> OnPostAdd()
    {
        var result = await Catalogue.Add(new NewCategory(Add.Code?.Trim().ToLowerInvariant() ?? "", Add.ParentCode, Add.NameZh ?? "", Add.NameEn ?? "", null, null),
            AccountCommands.Actor(User));
        if (result.Succeeded) return Redirect($"/admin/catalogue?code={Uri.EscapeDataString(result.Value!.Code)}&saved=add#edit");
        foreach (var (field, codes) in result.Errors!) Errors[$"add.{field}"] = text.Validation(field, codes[0], "category");
        await Load(null);
        return Page();
    }

    public async Task<IActionResult> OnPostEdit(string code)
    {
        await Load(code);
        if (Selected is not { } current) return NotFound();
        _posted = true;
        foreach (var field in new[] { "SortOrder", "DispatchSlaMinutes", "CompletionGraceHours" })
            if (ModelState.TryGetValue($"Edit.{field}", out var entry) && entry.Errors.Count > 0)
                Errors[char.ToLowerInvariant(field[0]) + field[1..]] = text.Validation(char.ToLowerInvariant(field[0]) + field[1..], "format", "category");
        if (Edit.SortOrder is null && !Errors.ContainsKey("sortOrder")) Errors["sortOrder"] = text.Validation("sortOrder", "required", "category");
        if (Errors.Count > 0) return Page();

        var rows = Edit.Attributes.Select((row, i) => (row, i)).Where(x => !x.row.Remove && !x.row.IsBlank).ToList();
        var terms = current.ParentCode is null ? current.Terms : new CategoryTerms(
            rows.Select(x => new CategoryField(x.row.Key ?? "", x.row.NameZh ?? "", x.row.NameEn ?? "", x.row.Type ?? "text", x.row.Required,
                (x.row.Choices ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))).ToList(),
            Edit.DispatchSlaMinutes, Edit.CompletionGraceHours, Edit.PriceGuideZh, Edit.PriceGuideEn,
            (Edit.Skills ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Edit.DescriptionZh, Edit.DescriptionEn, Edit.DurationZh, Edit.DurationEn, (Edit.Aliases ?? "").Split([',', '，', '、', ';', '；', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        var result = await Catalogue.Edit(code, new CategoryEdit(Edit.NameZh ?? "", Edit.NameEn ?? "", current.ParentCode is null ? null : Edit.ParentCode,
            Edit.SortOrder!.Value, terms), AccountCommands.Actor(User));
        if (result.Succeeded) return Redirect($"/admin/catalogue?code={Uri.EscapeDataString(code)}&saved=edit#edit");
        // An attribute's error names its row as the form numbered it (blank and removed rows were not sent).
        foreach (var (field, codes) in result.Errors!)
        {
            var shown = System.Text.RegularExpressions.Regex.Replace(field, @"^fields\[(\d+)\]", m => $"fields[{rows[int.Parse(m.Groups[1].Value)].i}]");
            Errors[shown] = text.Validation(field, codes[0], "category");
        }
        return Page();
    }

    public Task<IActionResult> OnPostRetire(string code) => SetActive(code, false);

    public Task<IActionResult> OnPostReinstate(string code) => SetActive(code, true);

    private async Task<IActionResult> SetActive(string code, bool active)
    {
        await Load(code);
        if (Selected is not { } current) return NotFound();
        var result = await Catalogue.SetActive(code, active, Reason, AccountCommands.Actor(User));
        if (result.Succeeded) return Redirect($"/admin/catalogue?code={Uri.EscapeDataString(code)}&saved={(active ? "reinstate" : "retire")}#state");
        foreach (var (field, codes) in result.Errors!) Errors[$"state.{field}"] = text.Validation(field, codes[0], "category");
        Edit = FormOf(current);
        return Page();
    }

    private async Task Load(string? code)
    {
        All = await Catalogue.GetAll();
        Selected = code is null ? null : All.FirstOrDefault(c => c.Code == code);
    }

    private static EditForm FormOf(ServiceCategory c) => new()
    {
        NameZh = c.NameZh, NameEn = c.NameEn, ParentCode = c.ParentCode, SortOrder = c.SortOrder,
        DispatchSlaMinutes = c.Terms.DispatchSlaMinutes, CompletionGraceHours = c.Terms.CompletionGraceHours,
        PriceGuideZh = c.Terms.PriceGuideZh, PriceGuideEn = c.Terms.PriceGuideEn, DescriptionZh = c.Terms.DescriptionZh,
        DescriptionEn = c.Terms.DescriptionEn, DurationZh = c.Terms.DurationZh, DurationEn = c.Terms.DurationEn,
        Skills = string.Join(", ", c.Terms.Skills),
        Aliases = string.Join("、", c.Terms.Aliases ?? []),
        Attributes = c.Terms.Fields.Select(f => new AttributeRow
        {
            Key = f.Key, NameZh = f.NameZh, NameEn = f.NameEn, Type = f.Type, Required = f.Required, Choices = string.Join("\n", f.Choices ?? []),
        }).ToList(),
    };

    /// <summary>
    /// The rows the form shows: the category's attributes and blank ones to fill in, or after a refused save the rows as
    /// they were sent (so each error stays beside its row).
    /// </summary>
    public IReadOnlyList<AttributeRow> AttributeRows() => _posted
        ? Edit.Attributes
        : [.. Edit.Attributes, .. Enumerable.Range(0, Math.Max(0, Math.Min(BlankRows, CatalogueLimits.MaxFields - Edit.Attributes.Count))).Select(_ => new AttributeRow())];

    private bool _posted;

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public static string Name(ServiceCategory c) => UiText.IsEnglish ? c.NameEn : c.NameZh;
}
