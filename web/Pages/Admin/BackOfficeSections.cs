namespace HomeService.Web.Pages.Admin;

/// <summary>The back office's sections (系统管理), in the order of the menu; each is its own page under /admin.</summary>
public static class BackOfficeSections
{
    public sealed record Section(string Key, string Path);

    public static readonly IReadOnlyList<Section> All =
    [
        new("accounts", "/admin/accounts"),
        new("call-center", "/admin/call-center"),
        new("catalogue", "/admin/catalogue"),
        new("merchants", "/admin/merchants"),
        new("keys", "/admin/keys"),
        new("settings", "/admin/settings"),
        new("sms", "/admin/sms"),
        new("audit", "/admin/audit"),
        new("articles", "/admin/articles"),
    ];
}
