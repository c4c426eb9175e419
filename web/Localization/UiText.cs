using System.Globalization;
using System.Text.Json;

namespace HomeService.Web.Localization;

/// <summary>
/// The UI's words in Simplified Chinese (default) and English, from Localization/*.json embedded in the build.
/// The culture comes from the request (cookie switch, then the browser's Accept-Language).
/// </summary>
public sealed class UiText
{
    public const string DefaultCulture = "zh-CN";
    public static readonly string[] Cultures = [DefaultCulture, "en"];

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Tables = Load();

    public string this[string key] => Lookup(CultureInfo.CurrentUICulture, key);

    public string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>Items of a list as the language writes them: "金水区、二七区" or "Jinshui, Erqi".</summary>
    public string List(IEnumerable<string> items) => string.Join(this["punct.list"], items);

    /// <summary>A label and its value: "商家：安心家政" or "Merchant: Anxin".</summary>
    public string Label(string label, string value) => string.Format(CultureInfo.CurrentCulture, this["punct.label"], label, value);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static IReadOnlyCollection<string> Keys(string culture) => Tables[culture].Keys.ToList();

    /// <summary>
    /// A validation code from the domain ("required", "max_length:500", "range:1-1440") as a sentence that names the field.
    /// </summary>
    public string Validation(string field, string code, string? context = null, string? label = null)
    {
        label ??= FieldLabel(field, context);
        var parts = code.Split(':', 2);
        return parts.Length == 2 ? Format($"validation.{parts[0]}", label, parts[1]) : Format($"validation.{parts[0]}", label);
    }

    /// <summary>
    /// A form may name its fields more precisely ("field.broadcast.text" before "field.text"); list items share one label
    /// ("fields[2].key" reads "field.fields.key"); a nested field the text does not know by its path goes by its own name
    /// ("items[2].qty" reads "field.qty"). A field nobody named is shown as it was sent, never as a text key.
    /// </summary>
    private string FieldLabel(string field, string? context)
    {
        var key = System.Text.RegularExpressions.Regex.Replace(field, @"\[\d+\]", "");
        var last = key[(key.LastIndexOf('.') + 1)..];
        string?[] candidates = [context is null ? null : $"field.{context}.{key}", $"field.{key}",
            context is null ? null : $"field.{context}.{last}", $"field.{last}"];
        return candidates.FirstOrDefault(c => c is not null && Has(c)) is { } found ? this[found] : Format("field.unnamed", field);
    }

    /// <summary>Whether the UI text names <paramref name="key"/> (every key is in both languages).</summary>
    public static bool Has(string key) => Tables[DefaultCulture].ContainsKey(key);

    private static string Lookup(CultureInfo culture, string key)
    {
        var name = culture.TwoLetterISOLanguageName == "en" ? "en" : DefaultCulture;
        return Tables[name].TryGetValue(key, out var text) ? text
            : Tables[DefaultCulture].TryGetValue(key, out var fallback) ? fallback
            : key;
    }

    /// <summary>
    /// Each culture's words come from Localization/{culture}.json and from any Localization/**/*.{culture}.json beside it
    /// (a part of the product keeps its words in its own file); a key defined twice is a build mistake and stops the host.
    /// </summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> Load()
    {
        const string prefix = "HomeService.Web.Localization.";
        var assembly = typeof(UiText).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var tables = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var culture in Cultures)
        {
            var table = new Dictionary<string, string>();
            var files = names.Where(n => n == $"{prefix}{culture}.json" || n.EndsWith($".{culture}.json", StringComparison.Ordinal)).ToList();
            if (!files.Contains($"{prefix}{culture}.json")) throw new InvalidOperationException($"Missing UI text for {culture}.");
            foreach (var file in files)
            {
                using var stream = assembly.GetManifestResourceStream(file)!;
                foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
                    if (!table.TryAdd(key, value)) throw new InvalidOperationException($"UI text key {key} is defined twice ({file}).");
            }
            tables[culture] = table;
        }
        return tables;
    }
}
