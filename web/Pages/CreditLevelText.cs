using HomeService.Web.Localization;

namespace HomeService.Web.Pages;

/// <summary>
/// A credit level as people read it: "heart:5" is ♥♥♥♥♥ with the words 五心 / 5 hearts, "diamond:2" ◆◆ 二钻 / 2 diamonds;
/// a merchant without a level yet says so. The stored code itself is never shown.
/// </summary>
public static class CreditLevelText
{
    public static string Symbols(string? level) =>
        Parse(level) is var (kind, count) && count > 0 ? new string(kind == "heart" ? '♥' : '◆', count) : "";

    public static string Label(string? level, UiText text) =>
        Parse(level) is var (kind, count) && count is >= 1 and <= 5 && kind is "heart" or "diamond"
            ? text[$"credit.level.{kind}.{count}"]
            : text["credit.level.none"];

    private static (string Kind, int Count) Parse(string? level)
    {
        var parts = (level ?? "").Split(':', 2);
        return parts.Length == 2 && int.TryParse(parts[1], out var n) ? (parts[0], Math.Clamp(n, 0, 5)) : ("none", 0);
    }
}
