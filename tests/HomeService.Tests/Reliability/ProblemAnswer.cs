using System.Text.RegularExpressions;

namespace HomeService.Tests.Reliability;

/// <summary>What every error answer must look like: RFC 9457 problem JSON that gives nothing of the server's insides away.</summary>
public static partial class ProblemAnswer
{
    /// <summary>Null when the answer is a clean problem; otherwise what is wrong with it.</summary>
    public static async Task<string?> Defect(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"content type {response.Content.Headers.ContentType?.MediaType ?? "none"}";
        if (body.Contains("   at ") || ExceptionName().IsMatch(body)) return $"leaks server details: {Snippet(body)}";
        return null;
    }

    /// <summary>Null when a 400 names the fields it refuses (RFC 9457 "errors" keyed by field); otherwise what it lacks.</summary>
    public static async Task<string?> NamesNoField(HttpResponseMessage response)
    {
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == System.Text.Json.JsonValueKind.Object
            && errors.EnumerateObject().Any() ? null : "names no field";
    }

    public static string Snippet(string body) => body.Length <= 200 ? body : body[..200] + "…";

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b|\bSystem\.[A-Z]\w+\.|\bOrleans\.[A-Z]")]
    private static partial Regex ExceptionName();
}
