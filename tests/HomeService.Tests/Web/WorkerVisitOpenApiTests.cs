using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Web;

/// <summary>
/// Check-in and check-out read their optional body by hand (a phone that only presses the button sends none), so the
/// OpenAPI document is told its shape: an optional JSON body with the fields a worker's app may send.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class WorkerVisitOpenApiTests(SharedDeployment shared)
{
    [Theory]
    [InlineData("/api/worker/jobs/{orderNo}/check-in", "early")]
    [InlineData("/api/worker/jobs/{orderNo}/check-out", "extras,amountCollected")]
    public async Task The_visit_steps_document_their_optional_json_body(string path, string fields)
    {
        using var anonymous = WebSession.Anonymous(shared.WebA);
        var document = await anonymous.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var body = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody");
        Assert.False(body.TryGetProperty("required", out var required) && required.GetBoolean(), "the body is optional");

        var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(fields.Split(','), f => Assert.Contains(f, properties));
    }
}
