using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HomeService.Tests.Reliability;

/// <summary>
/// One generated bad request: its address and a body maker (HttpContent is single-use). OnBody: the fault is in the
/// body, so a 400 must name a field. ByKestrel: Kestrel itself refuses it (a NUL in the path) with a bare 400 before
/// any application code runs, so only "a 400" can be asked of it.
/// </summary>
public sealed record FuzzCase(string Name, string Path, Func<HttpContent?> Body, bool OnBody, bool ByKestrel = false);

/// <summary>
/// Seeded generator of bad requests for one operation. Every case is bad on purpose (a fault a correct server refuses),
/// so nothing sent may change anything. Faults go only where they make the request invalid: nulls and empty values into
/// required fields, over-long text into fields not documented as cut to length.
/// </summary>
public static partial class FuzzRequests
{
    private static readonly string[] ControlCharacters = ["\u0000", "\u001b", "\u202e", "\u0007", "\u2066"];
    private static readonly string[] TopLevels = ["[]", "[{}]", "\"text\"", "42", "null", "true"];
    private static readonly string[] Garbage = ["}", "]", " x", ",", "{}", "\u0000"];

    /// <summary>A per-operation generator: the same seed gives the same cases for an operation whatever runs beside it.</summary>
    public static Random For(int seed, ApiOperation op)
    {
        var hash = 2166136261u; // FNV-1a: string.GetHashCode differs between processes, which would break the replay
        foreach (var c in op.Key) hash = (hash ^ c) * 16777619u;
        return new Random(seed ^ (int)hash);
    }

    public static IEnumerable<FuzzCase> Cases(ApiOperation op, BodySpec? spec, Random rng, int count, Func<string, string> realId)
    {
        var path = Fill(op.Path, realId);
        for (var i = 0; i < count; i++)
            yield return op.Multipart ? Multipart(path, rng)
                : op.HasBody && spec is not null ? Json(op, spec, path, rng)
                : Address(op, rng, realId);
    }

    /// <summary>An operation without a body has nothing bad to carry but its address: a bad id in one parameter.</summary>
    private static FuzzCase Address(ApiOperation op, Random rng, Func<string, string> realId)
    {
        var parameters = Parameter().Matches(op.Path).Select(m => m.Groups[1].Value).ToArray();
        var target = Pick(rng, parameters);
        var (name, bad) = rng.Next(4) switch
        {
            0 => ("unknown id", "NOSUCH" + rng.Next(1_000_000)),
            1 => ("control character in id", realId(target) + Pick(rng, ControlCharacters)),
            2 => ("over-long id", new string('9', rng.Next(2_000, 8_000))),
            _ => ("SQL in id", BadInputCases.Metacharacters),
        };
        var filled = Fill(op.Path, p => p == target ? Uri.EscapeDataString(bad) : realId(p));
        return new($"{name} in {{{target}}}", filled, () => null, false, bad.Contains('\u0000'));
    }

    private static FuzzCase Json(ApiOperation op, BodySpec spec, string path, Random rng)
    {
        var baseline = JsonSerializer.Serialize(spec.Baseline, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var strings = JsonNode.Parse(baseline)!.AsObject()
            .Where(p => p.Value?.GetValueKind() == JsonValueKind.String).Select(p => p.Key).ToArray();
        var longable = strings.Except(spec.LenientFields).ToArray();
        var kinds = new List<int> { 0, 4, 5, 6 };
        if (strings.Length > 0) kinds.Add(1);
        if (longable.Length > 0) kinds.Add(2);
        if (spec.RequiredFields.Length > 0) kinds.Add(3);
        var fields = op.BodyProperties.Keys.Union(JsonNode.Parse(baseline)!.AsObject().Select(p => p.Key)).ToArray();

        switch (Pick(rng, kinds))
        {
            case 0 when fields.Length > 0:
                var field = Pick(rng, fields);
                return Body($"wrong type for {field}", path, With(baseline, field, WrongType(op.BodyProperties.GetValueOrDefault(field) ?? ["string"], rng)));
            case 1:
                var text = Pick(rng, strings);
                var value = JsonNode.Parse(baseline)![text]!.GetValue<string>();
                var at = rng.Next(value.Length + 1);
                var control = Pick(rng, ControlCharacters);
                return Body($"U+{(int)control[0]:X4} in {text}", path, With(baseline, text, value.Insert(at, control)));
            case 2:
                var longField = Pick(rng, longable);
                return Body($"over-long {longField}", path, With(baseline, longField, new string('长', rng.Next(20_000, 300_000))));
            case 3:
                var required = Pick(rng, spec.RequiredFields);
                // A closed format may give "" a meaning (hotline hours: closed all day); free required text may not be empty.
                return rng.Next(2) == 0 || spec.StrictFields.Contains(required)
                    ? Body($"null {required}", path, With(baseline, required, null))
                    : Body($"empty {required}", path, With(baseline, required, Empty(op.BodyProperties.GetValueOrDefault(required))));
            case 4:
                return Body("truncated JSON", path, baseline[..rng.Next(1, baseline.Length - 1)]);
            case 5:
                return Body("trailing garbage", path, baseline + Pick(rng, Garbage));
            default:
                return Body("wrong top-level type", path, Pick(rng, TopLevels));
        }
    }

    private static FuzzCase Multipart(string path, Random rng)
    {
        const string part = "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\u00e0 not really a photo\r\n";
        var (name, type, body) = rng.Next(5) switch
        {
            0 => ("no boundary", "multipart/form-data",
                $"--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n{part}--b1--\r\n"),
            1 => ("bad part headers", "multipart/form-data; boundary=b1",
                $"--b1\r\nContent-Disposition form-data name=file\r\n{part}--b1--\r\n"),
            2 => ("quote in the file name", "multipart/form-data; boundary=b1",
                $"--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"{rng.Next(100)}.jpg\"\r\n{part}--b1--\r\n"),
            3 => ("no closing boundary", "multipart/form-data; boundary=b1",
                $"--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n{part}"),
            _ => ("JSON to an upload", "application/json", "{\"file\": \"not a file\"}"),
        };
        return new(name, path, () =>
        {
            var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", type);
            return content;
        }, true);
    }

    private static FuzzCase Body(string name, string path, string json) =>
        new(name, path, () => new StringContent(json, Encoding.UTF8, "application/json"), true);

    private static JsonNode WrongType(string[] types, Random rng) =>
        types.Contains("integer") || types.Contains("number") ? Pick(rng, new JsonNode[] { "abc", new JsonArray(), new JsonObject() })
        : types.Contains("boolean") ? Pick(rng, new JsonNode[] { "maybe", 2, new JsonArray() })
        : types.Contains("array") ? Pick(rng, new JsonNode[] { new JsonObject { ["a"] = 1 }, 7 })
        : types.Contains("object") ? Pick(rng, new JsonNode[] { new JsonArray(1), 7 })
        : Pick(rng, new JsonNode[] { new JsonObject { ["a"] = 1 }, new JsonArray("x") });

    // Only empty text is bad in itself: an empty list may be a valid value (a year without make-up working days).
    private static JsonNode? Empty(string[]? types) => types is null || types.Contains("string") ? JsonValue.Create("") : null;

    private static string With(string baseline, string field, JsonNode? value)
    {
        var body = JsonNode.Parse(baseline)!.AsObject();
        body[field] = value;
        return body.ToJsonString();
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string Fill(string template, Func<string, string> value) => Parameter().Replace(template, m => value(m.Groups[1].Value));

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
