using System.Globalization;
using HomeService.CallCenter;
using HomeService.Identity;
using HomeService.Web.Api.Admin;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>
/// IVR流程 of one number: the current flow as a tree, an editor (menus, options by key, actions; add and remove rows post
/// back, so it works without script) that publishes a new version, and the versions with a one-click restore. The
/// validator's errors are shown at the node they name and nothing is published. Supervisors read it (what callers
/// hear); every change is for admins (the folder convention lets supervisors in, see AuthSetup).
/// </summary>
public sealed partial class IvrFlowModel(IGrainFactory grains, HotlineCommands hotlines, IvrFlowReader reader, UiText text) : PageModel
{
    [BindProperty] public List<IvrFlowForm.MenuForm> Menus { get; set; } = [];
    [BindProperty] public int? BaseVersion { get; set; }

    public string Dialled { get; private set; } = "";
    public string? HotlineName { get; private set; }
    public IvrFlowVersion? Current { get; private set; }
    /// <summary>An earlier version opened to read (?version=N), instead of the editor.</summary>
    public IvrFlowVersion? Viewed { get; private set; }
    public IReadOnlyList<IvrFlowReader.VersionRow> Versions { get; private set; } = [];
    public IReadOnlyList<QueueConfig> Queues { get; private set; } = [];
    /// <summary>Errors by form key (Menus[0].Options[2].Action.Target, Menus[1], "flow", "restore").</summary>
    public Dictionary<string, List<string>> Errors { get; } = new();
    public bool CanEdit => User.IsInRole(Roles.Admin);
    public IvrFlowForm Form => new() { Menus = Menus };

    [BindProperty(SupportsGet = true)] public int? Published { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unchanged { get; set; }
    [BindProperty(SupportsGet = true)] public int? Restored { get; set; }
    [BindProperty(SupportsGet = true)] public int? From { get; set; }

    /// <summary>Every post changes the flow or the form: admins only.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsPost(Request.Method) && !CanEdit) context.Result = Forbid();
        else await next();
    }

    public async Task<IActionResult> OnGet(string dialled, int? version)
    {
        if (!await Load(dialled)) return NotFound();
        if (version is { } v && v != Current?.Version)
        {
            Viewed = await grains.GetGrain<IIvrFlowGrain>(Dialled).GetVersion(v);
            if (Viewed is null) return NotFound();
        }
        Menus = (Current is { } c ? IvrFlowForm.From(c.Definition) : IvrFlowForm.Starter(text["ivr.starter.root"])).Menus;
        BaseVersion = Current?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAddOption(string dialled, int menu)
    {
        if (!await Load(dialled)) return NotFound();
        if (menu >= 0 && menu < Menus.Count) Menus[menu].Options.Add(new IvrFlowForm.OptionForm());
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveOption(string dialled, int menu, int option)
    {
        if (!await Load(dialled)) return NotFound();
        if (menu >= 0 && menu < Menus.Count && option >= 0 && option < Menus[menu].Options.Count) Menus[menu].Options.RemoveAt(option);
        return Page();
    }

    /// <summary>A new menu under an option: the option now leads to it, so it is drawn right there.</summary>
    public async Task<IActionResult> OnPostAddSubmenu(string dialled, int menu, int option)
    {
        if (!await Load(dialled)) return NotFound();
        if (menu < 0 || menu >= Menus.Count || option < 0 || option >= Menus[menu].Options.Count) return Page();
        var id = FreeMenuId();
        var o = Menus[menu].Options[option];
        o.Action = new IvrFlowForm.ActionForm { Kind = IvrActionKinds.Menu, Target = id };
        Menus.Add(IvrFlowForm.MenuForm.Blank(id, o.Label ?? ""));
        return Page();
    }

    public async Task<IActionResult> OnPostAddMenu(string dialled)
    {
        if (!await Load(dialled)) return NotFound();
        Menus.Add(IvrFlowForm.MenuForm.Blank(FreeMenuId(), ""));
        return Page();
    }

    /// <summary>Any menu but the root; options that led to it are left for the validator to name.</summary>
    public async Task<IActionResult> OnPostRemoveMenu(string dialled, int menu)
    {
        if (!await Load(dialled)) return NotFound();
        if (menu > 0 && menu < Menus.Count) Menus.RemoveAt(menu);
        return Page();
    }

    public async Task<IActionResult> OnPostPublish(string dialled)
    {
        if (!await Load(dialled)) return NotFound();
        var form = Form;
        foreach (var (key, code) in form.IdProblems()) Error(key, text.Validation("id", code, "ivr"));
        if (Errors.Count > 0) return Page();
        var result = await grains.GetGrain<IIvrFlowGrain>(Dialled).Publish(form.ToDefinition(), BaseVersion, AccountCommands.Actor(User));
        if (result.Succeeded)
        {
            var version = result.Value!.Version;
            return Redirect($"{PagePath(Dialled)}?{(version == BaseVersion ? "unchanged" : "published")}={version}");
        }
        foreach (var (path, codes) in result.Errors!)
        {
            var key = form.FormKey(path);
            // An id the validator cannot read is the id field's fault, not the menu's.
            if (codes[0] == "format" && MenuNode().IsMatch(key)) Error(key + ".Id", text.Validation("id", "format", "ivr"));
            else Error(key, text.Validation(LabelField(path), codes[0], "ivr", NodeLabel(form, key, path)));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestore(string dialled, int version)
    {
        if (!await Load(dialled)) return NotFound();
        var result = await grains.GetGrain<IIvrFlowGrain>(Dialled).Restore(version, AccountCommands.Actor(User));
        if (result.Succeeded) return Redirect($"{PagePath(Dialled)}?restored={result.Value!.Version}&from={version}");
        // A restore that breaks (a queue removed since): the flow is not on the form, so the paths name the parts.
        foreach (var (path, codes) in result.Errors!) Error("restore", text.Validation(path, codes[0], "ivr", path == "version" ? null : path));
        Menus = (Current is { } c ? IvrFlowForm.From(c.Definition) : IvrFlowForm.Starter(text["ivr.starter.root"])).Menus;
        BaseVersion = Current?.Version ?? 0;
        return Page();
    }

    public static string PagePath(string dialled) => $"/admin/call-center/ivr/{Uri.EscapeDataString(dialled)}";

    public IReadOnlyList<string> ErrorsAt(string key) => Errors.TryGetValue(key, out var list) ? list : [];

    private void Error(string key, string message)
    {
        if (!Errors.TryGetValue(key, out var list)) Errors[key] = list = [];
        list.Add(message);
    }

    private async Task<bool> Load(string dialled)
    {
        if (!HotlineCommands.IsDialled(dialled) || dialled == "web-callback") return false;
        Dialled = dialled;
        HotlineName = (await hotlines.Hotline(dialled))?.Settings.Name;
        Current = await grains.GetGrain<IIvrFlowGrain>(dialled).Current();
        Versions = await reader.Versions(dialled);
        Queues = (await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetQueues()).OrderBy(q => q.QueueId, StringComparer.Ordinal).ToList();
        return true;
    }

    /// <summary>m2, m3, …: an id no menu on the form has yet; the admin may rename it.</summary>
    private string FreeMenuId()
    {
        for (var n = Menus.Count + 1; ; n++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"m{n}");
            if (Menus.All(m => m.MenuId != id)) return id;
        }
    }

    /// <summary>The field name a message's label comes from: the last part of the path ("target", "digit").</summary>
    private static string LabelField(string path) => path.Split('.')[^1];

    /// <summary>A whole menu, option or fallback is named as the admin sees it ("菜单 sub", "按键 1", "兜底动作").</summary>
    private string? NodeLabel(IvrFlowForm form, string key, string path)
    {
        var node = Node().Match(key);
        if (key == "flow") return path == "version" ? text["field.ivr.version"] : null;
        if (!node.Success) return null;
        var menu = form.Menus[int.Parse(node.Groups[1].Value, CultureInfo.InvariantCulture)];
        if (node.Groups[3].Success) return text["ivr.node.fallback"];
        if (node.Groups[2].Success)
            return text.Format("ivr.node.option", menu.Options[int.Parse(node.Groups[2].Value, CultureInfo.InvariantCulture)].Digit ?? "?");
        return text.Format("ivr.node.menu", menu.Name is { Length: > 0 } name ? $"{name}（{menu.MenuId}）" : menu.MenuId ?? "");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Menus\[(\d+)\](?:\.Options\[(\d+)\])?(\.Fallback)?$")]
    private static partial System.Text.RegularExpressions.Regex Node();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Menus\[\d+\]$")]
    private static partial System.Text.RegularExpressions.Regex MenuNode();
}
