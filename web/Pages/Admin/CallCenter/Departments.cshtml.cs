using HomeService.Web.Api.Admin;
using HomeService.Web.Localization;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>部门: add, rename, retire or restore the departments agents forward to; the work queue offers the new list at once.</summary>
public sealed class DepartmentsModel(IGrainFactory grains, UiText text) : PageModel
{
    public sealed class DepartmentForm
    {
        public string? Code { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
    }

    [BindProperty] public DepartmentForm New { get; set; } = new();
    [BindProperty] public DepartmentForm Edit { get; set; } = new();
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public Department? Selected { get; private set; }
    /// <summary>Field errors by form: "new.nameZh" for the new department's form, "nameZh" for the edited one's.</summary>
    public Dictionary<string, string> Errors { get; } = new();
    public string? Saved { get; private set; }

    public string? Error(string key) => Errors.GetValueOrDefault(key);

    public async Task OnGet(string? edit, string? saved)
    {
        await Load(edit);
        if (Selected is { } d) Edit = new DepartmentForm { NameZh = d.NameZh, NameEn = d.NameEn };
        Saved = saved is "create" or "update" or "retire" or "reinstate" ? text[$"departments.saved.{saved}"] : null;
    }

    public async Task<IActionResult> OnPostCreate()
    {
        var result = await Directory.Create(new Department(New.Code ?? "", New.NameZh ?? "", New.NameEn ?? "", true), AccountCommands.Actor(User));
        return result.Succeeded ? Done(result.Value!.Code, "create") : await Refused(null, result.Errors!, "new.");
    }

    public async Task<IActionResult> OnPostEdit(string department)
    {
        if (department.Length > 64 || await Directory.Get(department) is not { } current) return NotFound();
        var result = await Directory.Update(current with { NameZh = Edit.NameZh ?? "", NameEn = Edit.NameEn ?? "" }, AccountCommands.Actor(User));
        return result.Succeeded ? Done(department, "update") : await Refused(department, result.Errors!, "");
    }

    public async Task<IActionResult> OnPostActive(string department, bool active)
    {
        if (department.Length > 64 || await Directory.Get(department) is not { } current) return NotFound();
        var result = await Directory.Update(current with { Active = active }, AccountCommands.Actor(User));
        return result.Succeeded ? Done(department, active ? "reinstate" : "retire") : await Refused(department, result.Errors!, "");
    }

    private IDepartmentsGrain Directory => grains.GetGrain<IDepartmentsGrain>(0);

    private async Task Load(string? edit)
    {
        Departments = await Directory.GetAll();
        Selected = edit is null ? null : Departments.FirstOrDefault(d => d.Code == edit);
    }

    private RedirectResult Done(string code, string saved) =>
        Redirect($"/admin/call-center/departments?edit={Uri.EscapeDataString(code)}&saved={saved}#department-edit");

    private async Task<PageResult> Refused(string? code, IReadOnlyDictionary<string, string[]> errors, string prefix)
    {
        foreach (var (field, codes) in errors) Errors[prefix + field] = text.Validation(field, codes[0], "department");
        await Load(code);
        return Page();
    }
}
