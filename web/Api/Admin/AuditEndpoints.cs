using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>操作日志: search, page and export the audit log. Admins only.</summary>
public static class AuditEndpoints
{
    public static readonly string[] CsvColumns = ["at", "actor", "address", "action", "targetKind", "targetId", "before", "after"];

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/audit").RequireAuthorization(Policies.Admin).WithTags("Back office: audit log");
        group.MapGet("/", Search);
        group.MapGet("/export", Export);
        return api;
    }

    private static async Task<Results<Ok<AuditLogReader.EntryPage>, ValidationProblem>> Search(AuditLogReader log, UiText text, string? q,
        string? action, string? from, string? to, int? page)
    {
        var (filter, errors) = Read(q, action, from, to);
        if (errors.Count > 0) return Problems.Validation(text, errors, "audit");
        return TypedResults.Ok(await log.Search(filter, page ?? 1));
    }

    private static async Task<IResult> Export(HttpContext http, AuditLogReader log, UiText text, string? q, string? action, string? from, string? to)
    {
        var (filter, errors) = Read(q, action, from, to);
        if (errors.Count > 0) return Problems.Validation(text, errors, "audit");
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"audit-log.csv\"";
        await log.ExportCsv(filter, http.Response.Body, CsvColumns.Select(c => text[$"audit.col.{c}"]).ToList(), http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>The filter from the query string, or field errors for dates that are not yyyy-MM-dd and text that is too long.</summary>
    public static (AuditLogReader.Filter Filter, Dictionary<string, string[]> Errors) Read(string? q, string? action, string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > 64 }) errors["q"] = ["max_length:64"];
        if (action is { Length: > 64 }) errors["action"] = ["max_length:64"];
        var fromDay = Day(from, "from", errors);
        var toDay = Day(to, "to", errors);
        if (fromDay is { } f && toDay is { } t && t < f) errors["to"] = ["after-from"];
        return (new AuditLogReader.Filter(q, action, fromDay, toDay), errors);
    }

    private static DateOnly? Day(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", out var day)) return day;
        errors[field] = ["format"];
        return null;
    }
}
