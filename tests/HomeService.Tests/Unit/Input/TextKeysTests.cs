using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using HomeService.Tests.Infrastructure;
using HomeService.Web.Localization;

namespace HomeService.Tests.Unit.Input;

/// <summary>
/// No text key reaches a person: every key the web's code names literally exists in Chinese and English, and so does a
/// label for every field of every request body (validation names the field in its message).
/// </summary>
public sealed partial class TextKeysTests
{
    private static readonly HashSet<string> Chinese = UiText.Keys("zh-CN").ToHashSet();
    private static readonly HashSet<string> English = UiText.Keys("en").ToHashSet();

    [Fact]
    public void Every_text_key_the_web_code_names_exists_in_both_languages()
    {
        var web = Path.Combine(Ports.RepoRoot, "web");
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (Key: m.Groups["key"].Value, File: Path.GetRelativePath(web, f))))
            .ToList();
        Assert.True(used.Count > 500, $"The scan found only {used.Count} keys: has the way pages name their text changed?");
        var missing = used.Where(u => !Chinese.Contains(u.Key) || !English.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>A page hands its script the words it needs, named without the page's prefix ("member.failed" for "x.member.failed").</summary>
    [Fact]
    public void Every_text_key_a_script_names_exists_in_both_languages()
    {
        var scripts = Path.Combine(Ports.RepoRoot, "web", "wwwroot", "js");
        var used = Directory.EnumerateFiles(scripts, "*.js")
            .SelectMany(f => ScriptKey().Matches(File.ReadAllText(f)).Select(m => (Key: m.Groups["key"].Value, File: Path.GetFileName(f))))
            .ToList();
        Assert.NotEmpty(used);
        bool Known(HashSet<string> keys, string key) => keys.Contains(key) || keys.Any(k => k.EndsWith($".{key}", StringComparison.Ordinal));
        var missing = used.Where(u => !Known(Chinese, u.Key) || !Known(English, u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Every_field_of_a_request_body_has_a_label_in_both_languages()
    {
        var fields = RequestFields().ToList();
        Assert.Contains(fields, f => f.Field == "workerId");
        var missing = fields.Where(f => !Chinese.Contains($"field.{f.Field}") || !English.Contains($"field.{f.Field}"))
            .Select(f => $"field.{f.Field} ({f.Record})").Distinct().Order().ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Theory]
    [InlineData("zh-CN", "durationZh", "max_length:50", null, "中文服务时长不能超过 50 个字。")]
    [InlineData("en", "name", "required", null, "Name is required.")]
    [InlineData("zh-CN", "url", "format", "webhook", "Webhook 地址的格式不正确。")]
    [InlineData("en", "url", "format", "webhook", "Webhook URL is not in the expected format.")]
    [InlineData("zh-CN", "body", "format", null, "请求内容的格式不正确。")]
    [InlineData("zh-CN", "items[2].qty", "format", null, "“items[2].qty”的格式不正确。")]
    [InlineData("en", "items[2].qty", "format", null, "\"items[2].qty\" is not in the expected format.")]
    [InlineData("en", "tiers[0].minProficiency", "format", null, "Minimum proficiency is not in the expected format.")]
    [InlineData("zh-CN", "description", "character", null, "投诉内容含有不允许的字符。")]
    public void A_validation_message_names_the_field_and_never_shows_a_text_key(string culture, string field, string code, string? context, string expected) =>
        Assert.Equal(expected, UiCulture.Under(culture, () => new UiText().Validation(field, code, context)));

    /// <summary>The camelCase fields of the web's request records ("…Request") and of the records they hold.</summary>
    private static IEnumerable<(string Record, string Field)> RequestFields()
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(typeof(UiText).Assembly.GetTypes().Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal) && IsRecord(t)));
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                yield return (type.Name, JsonNamingPolicy.CamelCase.ConvertName(property.Name));
                foreach (var inner in Inside(property.PropertyType).Where(IsRecord)) pending.Push(inner);
            }
        }
    }

    private static IEnumerable<Type> Inside(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Inside) : type.IsArray ? Inside(type.GetElementType()!) : [type];

    private static bool IsRecord(Type type) =>
        type.Namespace?.StartsWith("HomeService", StringComparison.Ordinal) == true && type.GetMethod("<Clone>$") is not null;

    // T["key"], text["key"], Text.Format("key", …): a literal key, not one built from values.
    [GeneratedRegex("""\b(?:T|t|text|Text)(?:\[\s*|\.Format\(\s*)"(?<key>[A-Za-z][\w.\-]*)"\s*[\],)]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""\btext\["(?<key>[^"]+)"\]""")]
    private static partial Regex ScriptKey();
}
