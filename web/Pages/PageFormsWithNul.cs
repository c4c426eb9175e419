using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace HomeService.Web.Pages;

/// <summary>
/// ASP.NET Core refuses to read a url-encoded form holding a NUL at all (InvalidDataException), so a page's antiforgery
/// check answered such a post with a bare 400 that named nothing. For a page's post, a form refused for that is read here
/// again with its NUL kept, so the antiforgery check and then <see cref="RefusedCharactersPageFilter"/> see it and the
/// reader is told which field is wrong. Multipart forms keep a NUL already.
/// </summary>
public static class PageFormsWithNul
{
    public static IApplicationBuilder UsePageFormsWithNul(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (http.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            request.EnableBuffering();
            try
            {
                await request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                request.Body.Position = 0;
                if (KeptWithNul(await new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true).ReadToEndAsync(http.RequestAborted)) is { } form)
                    http.Features.Set<IFormFeature>(new FormFeature(form));
            }
            request.Body.Position = 0;
        }
        await next(http);
    });

    /// <summary>
    /// The form as the framework reads it, within its limits, but keeping a NUL; null unless it holds one, so a form
    /// refused for any other reason stays refused as before.
    /// </summary>
    public static FormCollection? KeptWithNul(string body)
    {
        var pairs = body.Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length > FormReader.DefaultValueCountLimit) return null;
        var fields = new Dictionary<string, StringValues>();
        foreach (var pair in pairs)
        {
            var at = pair.IndexOf('=');
            var (key, value) = at < 0 ? (Decode(pair), "") : (Decode(pair[..at]), Decode(pair[(at + 1)..]));
            if (key.Length > FormReader.DefaultKeyLengthLimit || value.Length > FormReader.DefaultValueLengthLimit) return null;
            fields[key] = StringValues.Concat(fields.GetValueOrDefault(key), value);
        }
        return fields.Any(f => f.Key.Contains('\0') || f.Value.Any(v => v!.Contains('\0'))) ? new FormCollection(fields) : null;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
