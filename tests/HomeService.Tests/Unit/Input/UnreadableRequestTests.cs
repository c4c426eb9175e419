using System.Text.Json;
using HomeService.Web.Hosting;
using Microsoft.AspNetCore.Http;

namespace HomeService.Tests.Unit.Input;

/// <summary>What minimal APIs say when they cannot bind a request, turned into the field it names.</summary>
public sealed class UnreadableRequestTests
{
    [Theory]
    [InlineData("$.items[2].qty", "items[2].qty")]
    [InlineData("$.text", "text")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void The_deserializers_json_path_is_the_field(string? path, string field) =>
        Assert.Equal((field, "format"), UnreadableRequest.Field(new BadHttpRequestException(
            "Failed to read parameter \"OrderRequest body\" from the request body as JSON.", new JsonException("bad", path, 1, 2))));

    [Theory]
    [InlineData("Implicit body inferred for parameter \"AssignRequest body\" but no body was provided. Did you mean to use a Service instead?", "body", "required")]
    [InlineData("Required parameter \"AssignRequest body\" was not provided from body.", "body", "required")]
    [InlineData("Failed to bind parameter \"int page\" from \"abc\".", "page", "format")]
    [InlineData("Required parameter \"string q\" was not provided from query string.", "q", "required")]
    [InlineData("Failed to read parameter \"IFormFile file\" from the request body as form.", "file", "format")]
    [InlineData("Failed to bind parameter \"Dictionary<string, string> extra\" from \"x\".", "extra", "format")]
    public void Otherwise_the_parameter_the_message_names(string message, string field, string code) =>
        Assert.Equal((field, code), UnreadableRequest.Field(new BadHttpRequestException(message)));
}
