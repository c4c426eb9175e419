using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using HomeService.Web.Localization;

namespace HomeService.Web.Api;

/// <summary>
/// The one place that decides which characters a request's text may hold. C0 control characters other than tab, line
/// feed and carriage return are refused (PostgreSQL takes no NUL in text or jsonb, and none of them is ever typed), and so
/// are the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a text read differently from
/// what it holds. Checked for every API endpoint before any grain sees the request (a field error, never a 500), for every
/// page's form, query and route values (<see cref="HomeService.Web.Pages.PageCharacters"/>), for hub method arguments
/// (<see cref="HomeService.Web.Realtime.HubCharacters"/>); an SMS provider's push is kept with them replaced.
/// </summary>
public static class RequestCharacters
{
    public const string Code = "character";
    private const int MaxDepth = 6;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static bool IsRefused(char c) =>
        c < '\u0020' && c is not '\t' and not '\n' and not '\r'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>
    /// The text with each refused character replaced by U+FFFD, for text that must be kept although it cannot be refused
    /// (a provider's push is retried until it is taken): what was there stays visible, and nothing joins into another word.
    /// </summary>
    public static string Replaced(string text) =>
        text.Any(IsRefused) ? string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++) span[i] = IsRefused(t[i]) ? '\uFFFD' : t[i];
        }) : text;

    public static TBuilder RefuseControlCharacters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
            var services = context.HttpContext.RequestServices.GetService<IServiceProviderIsService>();
            for (var i = 0; i < context.Arguments.Count; i++)
            {
                var parameter = parameters is { } p && p.Length == context.Arguments.Count ? p[i] : null;
                if (parameter is not null && services?.IsService(parameter.ParameterType) == true) continue;
                if (FirstRefused(context.Arguments[i], parameter?.Name ?? "body", root: true) is { } field)
                    return Problems.Validation(context.HttpContext.RequestServices.GetRequiredService<UiText>(),
                        new Dictionary<string, string[]> { [field] = [Code] });
            }
            return await next(context);
        });

    /// <summary>
    /// Where a refused character sits in a bound value, as the request names it: "description", "addresses[1].district";
    /// a route or query value by its parameter's name. Null when the value is clean.
    /// </summary>
    /// <param name="root">The value is a whole parameter: a body's fields are named without the parameter's name.</param>
    public static string? FirstRefused(object? value, string path, bool root = false, int depth = 0)
    {
        switch (value)
        {
            case null: return null;
            case string s: return s.Any(IsRefused) ? path : null;
            case JsonElement element: return InJson(element, path, depth);
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var at = $"{path}.{entry.Key}";
                    if (entry.Key is string key && key.Any(IsRefused)) return path;
                    if (depth < MaxDepth && FirstRefused(entry.Value, at, depth: depth + 1) is { } found) return found;
                }
                return null;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                    if (FirstRefused(item, $"{path}[{index++}]", depth: depth + 1) is { } found) return found;
                return null;
        }
        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || !IsOurs(type)) return null;
        foreach (var property in Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray()))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (FirstRefused(property.GetValue(value), root ? name : $"{path}.{name}", depth: depth + 1) is { } found) return found;
        }
        return null;
    }

    // Request bodies are our records (the web's, or the grains' command records); the framework's objects are not looked into.
    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("HomeService", StringComparison.Ordinal) == true;

    private static string? InJson(JsonElement element, string path, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString()!.Any(IsRefused) ? path : null;
            case JsonValueKind.Object when depth < MaxDepth:
                foreach (var property in element.EnumerateObject())
                    if (property.Name.Any(IsRefused)) return path;
                    else if (InJson(property.Value, $"{path}.{property.Name}", depth + 1) is { } found) return found;
                return null;
            case JsonValueKind.Array when depth < MaxDepth:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    if (InJson(item, $"{path}[{index++}]", depth + 1) is { } found) return found;
                return null;
            default:
                return null;
        }
    }
}
