using Microsoft.OpenApi;
using System.Text.Json;

namespace HomeService.Web.Api;

/// <summary>
/// A JSON body a request may leave out entirely (no content, no Content-Type), which minimal APIs' body binding would turn
/// away. Malformed JSON is a field error at the JSON path the deserializer names, never a 500.
/// </summary>
public static class OptionalBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Body, Dictionary<string, string[]>? Malformed)> Read<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength is 0 || request.ContentLength is null && request.ContentType is null) return (null, null);
        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, new() { [Hosting.UnreadableRequest.JsonPathField(e.Path)] = ["format"] });
        }
        // Read by hand, so the characters filter never saw it: the same rule, here.
        if (RequestCharacters.FirstRefused(body, "body", root: true) is { } field) return (null, new() { [field] = [RequestCharacters.Code] });
        return (body, null);
    }

    /// <summary>
    /// Tells the OpenAPI document what a body read here looks like: optional JSON of <typeparamref name="T"/>. Not
    /// <c>Accepts&lt;T&gt;</c>: that also makes routing refuse a request without a Content-Type, which is what a phone
    /// that only presses the button sends.
    /// </summary>
    public static RouteHandlerBuilder DocumentsOptionalBody<T>(this RouteHandlerBuilder endpoint) where T : class =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
        {
            Required = false,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct) } },
        });
}
