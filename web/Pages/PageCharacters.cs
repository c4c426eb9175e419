using System.Globalization;
using System.Text.Json;
using HomeService.Web.Api;
using Microsoft.Extensions.Primitives;

namespace HomeService.Web.Pages;

/// <summary>
/// The character rule of <see cref="RequestCharacters"/> for what a page is sent: route values, query values, form fields
/// and the names of uploaded files (a file's content is not text). Everything a page could bind is looked at, bound or
/// not, so a handler reading the form itself is covered too.
/// </summary>
public static class PageCharacters
{
    /// <summary>
    /// The first value holding a refused character, named as the page binds it in camel case ("form.phone",
    /// "form.lines[1].address"), or null when all is clean.
    /// </summary>
    public static string? FirstRefused(IFormCollection? form, IQueryCollection query, RouteValueDictionary route) =>
        InRoute(route) ?? In(query) ?? (form is null ? null : In(form) ?? InFileNames(form.Files));

    /// <summary>Where a way back leads: the page as it was asked for, without the part that held the character.</summary>
    public static string Back(HttpRequest request) =>
        InRoute(request.RouteValues) is not null ? "/"
        : In(request.Query) is not null ? request.PathBase + request.Path
        : request.PathBase + request.Path + request.QueryString;

    private static string? InRoute(RouteValueDictionary route) =>
        In(route.Select(r => KeyValuePair.Create(r.Key, new StringValues(Convert.ToString(r.Value, CultureInfo.InvariantCulture)))));

    private static string? In(IEnumerable<KeyValuePair<string, StringValues>> values) =>
        values.FirstOrDefault(v => Holds(v.Key) || v.Value.Any(Holds)) is { Key: { } key } ? Name(key) : null;

    private static string? InFileNames(IFormFileCollection files) =>
        files.FirstOrDefault(f => Holds(f.Name) || Holds(f.FileName)) is { } file ? Name(file.Name) : null;

    private static bool Holds(string? text) => text?.Any(RequestCharacters.IsRefused) == true;

    // "Form.Lines[1].Address" reads "form.lines[1].address", as the API names a body's fields; a refused character in
    // the name itself is shown as U+FFFD.
    private static string Name(string key) =>
        string.Join('.', RequestCharacters.Replaced(key).Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
