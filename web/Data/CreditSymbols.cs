namespace HomeService.Web.Data;

/// <summary>A credit level as residents know it from marketplaces, for server-rendered pages: "heart:3" → ♥♥♥, "diamond:2" → ◆◆.</summary>
public static class CreditSymbols
{
    public static string? Of(string level) =>
        level.Split(':') is [var kind, var count] && int.TryParse(count, out var n) && n is > 0 and <= 5
            ? new string(kind == "heart" ? '♥' : '◆', n)
            : null;
}
