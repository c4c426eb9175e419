using System.Text.Json;
using System.Text.RegularExpressions;
using HomeService.Web.Api;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;

namespace HomeService.Web.Hosting;

/// <summary>
/// A request minimal APIs could not bind (malformed JSON, no body, a wrong type, a number too large, an unreadable form,
/// a query value that is not a number) is answered like any other field error: 400 with <c>errors</c> keyed by the field
/// and where it is (the deserializer's JSON path, "items[2].qty"; "body" for the whole body), in the caller's language.
/// </summary>
public sealed partial class UnreadableRequest(UiText text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad || !ErrorHandling.IsMachineRequest(http.Request)) return false;
        RequestCultureAgain.Restore(http);
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            var form = bad.Message.Contains("form media type", StringComparison.Ordinal);
            var errors = new Dictionary<string, string[]> { ["body"] = [$"media-type:{(form ? "multipart/form-data" : "application/json")}"] };
            var problem = Problems.Validation(text, errors).ProblemDetails;
            (problem.Status, problem.Type) = (StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            return true;
        }
        if (bad.StatusCode != StatusCodes.Status400BadRequest) return false; // 413 and the like keep their own problem
        var (field, code) = Field(bad);
        await Problems.Validation(text, new Dictionary<string, string[]> { [field] = [code] }).ExecuteAsync(http);
        return true;
    }

    /// <summary>A 400 with nothing written, to a request that carried a body: the body could not be read.</summary>
    public static bool IsBareBodyRefusal(HttpContext http) =>
        http.Response.StatusCode == StatusCodes.Status400BadRequest && (http.Request.ContentLength > 0 || http.Request.ContentType is not null);

    /// <summary>Answers that refusal like any unreadable body: a field error on "body", in the caller's language.</summary>
    public static async Task BodyProblem(HttpContext http)
    {
        RequestCultureAgain.Restore(http);
        var text = http.RequestServices.GetRequiredService<UiText>();
        await Problems.Validation(text, new Dictionary<string, string[]> { ["body"] = ["format"] }).ExecuteAsync(http);
    }

    /// <summary>The field the request got wrong and how: a JSON path from the deserializer, else the parameter the message names.</summary>
    public static (string Field, string Code) Field(BadHttpRequestException bad)
    {
        var missing = bad.Message.Contains("not provided", StringComparison.Ordinal) || bad.Message.Contains("no body", StringComparison.Ordinal);
        if (bad.InnerException is JsonException json) return (JsonPathField(json.Path), "format");
        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            return (bad.Message.Contains("as form", StringComparison.Ordinal) && ParameterName().Match(bad.Message) is { Success: true } f
                ? f.Groups[1].Value : "body", missing ? "required" : "format");
        return (ParameterName().Match(bad.Message) is { Success: true } m ? m.Groups[1].Value : "body", missing ? "required" : "format");
    }

    /// <summary>"$.items[2].qty" → "items[2].qty"; the root ("$", "$[0]") is the body itself.</summary>
    public static string JsonPathField(string? path) =>
        path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";

    // Minimal APIs name the parameter as "{type} {name}" in quotes: Failed to bind parameter "int page" from "abc".
    [GeneratedRegex("parameter \"[^\"]*?(\\w+)\"")]
    private static partial Regex ParameterName();
}
