using System.Net.Http.Json;
using System.Text.Json;

namespace HomeService.Tests.Reliability;

/// <summary>One operation of the running host's OpenAPI document, with the JSON types of its body's top-level properties.</summary>
public sealed record ApiOperation(string Method, string Path, bool HasBody, IReadOnlyDictionary<string, string[]> BodyProperties)
{
    public string Key => $"{Method} {Path}";

    /// <summary>Whether the body is a multipart form (an upload) rather than JSON.</summary>
    public bool Multipart { get; init; }

    public override string ToString() => Key;

    /// <summary>Reads every operation from /openapi/v1.json as served, so an endpoint added later is probed without a test change.</summary>
    public static async Task<IReadOnlyList<ApiOperation>> Read(HttpClient http)
    {
        var doc = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var operations = new List<ApiOperation>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                var hasBody = op.Value.TryGetProperty("requestBody", out var body);
                var properties = hasBody ? Properties(body, schemas) : new Dictionary<string, string[]>();
                var multipart = hasBody && body.GetProperty("content").TryGetProperty("multipart/form-data", out _);
                operations.Add(new ApiOperation(op.Name.ToUpperInvariant(), path.Name, hasBody, properties) { Multipart = multipart });
            }
        return operations;
    }

    private static Dictionary<string, string[]> Properties(JsonElement body, JsonElement schemas)
    {
        var result = new Dictionary<string, string[]>();
        if (!body.GetProperty("content").TryGetProperty("application/json", out var json)) return result;
        var schema = json.GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference)) schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        if (!schema.TryGetProperty("properties", out var properties)) return result;
        foreach (var p in properties.EnumerateObject()) result[p.Name] = Types(p.Value);
        return result;
    }

    private static string[] Types(JsonElement property)
    {
        if (!property.TryGetProperty("type", out var type)) return ["object"];
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
        return types.Where(t => t != "null").ToArray();
    }
}
