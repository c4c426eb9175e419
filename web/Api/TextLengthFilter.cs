using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using HomeService.Web.Localization;

namespace HomeService.Web.Api;

/// <summary>
/// No text in an API request body may be longer than the longest text any command keeps (2,000 characters). Checked
/// once for every endpoint, before any grain sees the request, so a megabyte string is a 400 and never a stored value
/// or a failed write, whatever the command's own rules forget.
/// </summary>
public static class TextLengthFilter
{
    public const int MaxLength = 2000;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static TBuilder LimitRequestText<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            foreach (var argument in context.Arguments)
                if (argument is not null && IsRequestBody(argument.GetType()) && FirstTooLong(argument, depth: 0) is { } field)
                    return Problems.Validation(context.HttpContext.RequestServices.GetRequiredService<UiText>(),
                        new Dictionary<string, string[]> { [field] = [$"max_length:{MaxLengthOf(argument.GetType(), field)}"] });
            return await next(context);
        });

    // Request records live beside their endpoints; services, claims and the HttpContext are not bodies.
    private static bool IsRequestBody(Type type) => type.Namespace == typeof(TextLengthFilter).Namespace && type.IsClass && type != typeof(string);

    private static int MaxLengthOf(Type type, string field) =>
        type.GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == field)?.GetCustomAttribute<LongTextAttribute>()?.MaxLength
        ?? MaxLength;

    /// <summary>The top-level field (camelCase, as in the JSON) that holds an over-long text, looking into lists and nested records.</summary>
    private static string? FirstTooLong(object value, int depth)
    {
        foreach (var property in Properties.GetOrAdd(value.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (property.GetIndexParameters().Length != 0) continue;
            // A field that documents a longer limit (an article's Markdown body) is held to that limit instead.
            if (property.GetCustomAttribute<LongTextAttribute>() is { } longText)
            {
                if (property.GetValue(value) is string s && s.Length > longText.MaxLength) return name;
                continue;
            }
            if (TooLong(property.GetValue(value), depth)) return name;
        }
        return null;
    }

    private static bool TooLong(object? value, int depth) => value switch
    {
        null => false,
        string s => s.Length > MaxLength,
        IDictionary dictionary => dictionary.Keys.Cast<object?>().Concat(dictionary.Values.Cast<object?>()).Any(v => TooLong(v, depth + 1)),
        IEnumerable items => depth < 3 && items.Cast<object?>().Any(v => TooLong(v, depth + 1)),
        _ when depth < 3 && IsRequestBody(value.GetType()) => FirstTooLong(value, depth + 1) is not null,
        _ => false,
    };
}

/// <summary>
/// A request text field allowed more than <see cref="TextLengthFilter.MaxLength"/> characters; the filter still refuses
/// anything longer than <see cref="MaxLength"/>, before any grain sees it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LongTextAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;
}
