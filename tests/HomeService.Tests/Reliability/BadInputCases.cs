using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HomeService.Tests.Reliability;

/// <summary>
/// One bad request. MustReject: a 4xx is the only right answer; otherwise only "no 5xx, no leak" is asked. NamesField: a
/// 400 must say which field is wrong (errors keyed by field), as for a body that cannot be read.
/// </summary>
public sealed record BadCase(string Name, string Path, string? Json, bool MustReject = true, bool NamesField = false);

/// <summary>The kinds of bad input of the reliability issue, made from an operation's documented body and its hand-written spec.</summary>
public static partial class BadInputCases
{
    public const string Metacharacters = "'; DROP TABLE event_log; -- <script>alert(1)</script> \" OR 1=1 --";
    public static readonly string Huge = new('x', 1024 * 1024);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <param name="fill">Turns a path parameter's name into a value: real ids for the body probes.</param>
    /// <param name="unknown">Turns a path parameter's name into an id that names nothing.</param>
    public static IEnumerable<BadCase> For(ApiOperation op, BodySpec? spec, Func<string, string> fill, Func<string, string> unknown)
    {
        var path = Fill(op.Path, fill);
        var baseline = spec is null ? null : JsonSerializer.Serialize(spec.Baseline, Web);

        if (op.Path.Contains('{'))
        {
            yield return new("unknown id in the address", Fill(op.Path, unknown), baseline);
            yield return new("4 KB id in the address", Fill(op.Path, _ => new string('x', 4096)), baseline);
            yield return new("SQL and HTML in the address", Fill(op.Path, _ => Uri.EscapeDataString(Metacharacters)), baseline);
        }
        if (!op.HasBody || spec is null) yield break;

        yield return new("malformed JSON", path, "{\"text\": \"unterminated", NamesField: true);
        yield return new("empty body", path, "", NamesField: true);
        foreach (var other in new[] { "[]", "\"text\"", "42", "null" }) yield return new($"body is {other}", path, other, NamesField: true);

        foreach (var (field, types) in op.BodyProperties)
            yield return new($"wrong type for {field}", path, With(baseline!, field, WrongType(types)), NamesField: true);

        if (spec.RequiredFields.Length > 0) yield return new("empty object", path, "{}");
        foreach (var field in spec.RequiredFields) yield return new($"missing {field}", path, Without(baseline!, field));
        foreach (var field in spec.StrictFields)
        {
            yield return new($"unknown value for {field}", path, With(baseline!, field, "NoSuchValue"));
            yield return new($"SQL and HTML in {field}", path, With(baseline!, field, Metacharacters));
        }
        foreach (var field in spec.FormatFields) yield return new($"SQL and HTML in {field}", path, With(baseline!, field, Metacharacters));
        foreach (var field in spec.IdFields)
        {
            yield return new($"unknown id in {field}", path, With(baseline!, field, "NO-SUCH-ID-404"));
            yield return new($"SQL and HTML in {field}", path, With(baseline!, field, Metacharacters));
        }

        var strings = JsonNode.Parse(baseline!)!.AsObject().Where(p => p.Value?.GetValueKind() == JsonValueKind.String).Select(p => p.Key).ToList();
        foreach (var field in strings)
            yield return new($"1 MB {field}", path, With(baseline!, field, Huge), !spec.LenientFields.Contains(field));
        // PostgreSQL takes no NUL in text or jsonb; no request text holds a control character or a bidi override.
        foreach (var field in strings)
            foreach (var (name, bad) in new[] { ("NUL", "\u0000"), ("ESC", "\u001b"), ("RLO", "\u202e") })
                yield return new($"{name} in {field}", path, With(baseline!, field, JsonNode.Parse(baseline!)![field]!.GetValue<string>() + bad), NamesField: true);
        // Free text may hold any characters; with an unknown id the answer must still be a clean 404, never a 500.
        foreach (var field in strings.Except(spec.StrictFields).Except(spec.FormatFields).Except(spec.IdFields).Where(_ => op.Path.Contains('{')))
            yield return new($"SQL and HTML in free text {field} (unknown id)", Fill(op.Path, unknown), With(baseline!, field, Metacharacters));

        foreach (var (field, types) in op.BodyProperties.Where(p => p.Value.Contains("integer")))
            foreach (var number in new[] { "-1", "2147483648", "-99999999999999999999", "1e400", "2.5" })
                yield return new($"{field} = {number}", path, With(baseline!, field, JsonNode.Parse(number)), NamesField: true);
    }

    private static string Fill(string template, Func<string, string> value) => Parameter().Replace(template, m => value(m.Groups[1].Value));

    private static JsonNode WrongType(string[] types) =>
        types.Contains("integer") || types.Contains("number") ? JsonValue.Create("abc")!
        : types.Contains("boolean") ? JsonValue.Create("maybe")!
        : types.Contains("array") ? new JsonObject { ["a"] = 1 }
        : types.Contains("object") ? new JsonArray(1)
        : new JsonObject { ["a"] = 1 };

    private static string With(string baseline, string field, JsonNode? value)
    {
        var body = JsonNode.Parse(baseline)!.AsObject();
        body[field] = value;
        return body.ToJsonString();
    }

    private static string Without(string baseline, string field)
    {
        var body = JsonNode.Parse(baseline)!.AsObject();
        body.Remove(field);
        return body.ToJsonString();
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
