using System.Security.Claims;
using HomeService.Audit;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using HomeService.Web.Sms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>
/// 短信子系统 for admins: the SMS log (numbers masked unless revealed, which is audited), dead letters and their resend,
/// daily counts and billed parts with CSV export, and the development provider's inbox. Admins only.
/// </summary>
public static class SmsEndpoints
{
    public static readonly string[] DailyColumns = ["day", "template", "provider", "messages", "segments", "delivered", "failed", "unknown", "dead", "pending"];

    public sealed record RevealedPhone(Guid OutboxId, string Phone);

    public static RouteGroupBuilder MapSmsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/sms").RequireAuthorization(Policies.Admin).WithTags("Back office: SMS");
        group.MapGet("/messages", Messages)
            .WithDescription("The SMS log, newest first, 50 a page. phone: a mainland mobile number; template: a kind (verification.code, …); "
                + "state: queued, sent, delivered, failed, unknown or dead; from/to: yyyy-MM-dd (Beijing days). Numbers are masked.");
        group.MapGet("/messages/{outboxId:guid}/phone", Reveal).WithDescription("One message's number in full; every reveal is written to the audit log.");
        group.MapPost("/messages/{outboxId:guid}/resend", Resend)
            .WithDescription("Puts a dead-lettered message back in the outbox (audited). A verification code cannot be resent: the resident asks for a new one.");
        group.MapGet("/daily", Daily).WithDescription("Per Beijing day, kind and provider: messages, billed parts, and final states. from/to: yyyy-MM-dd, default the last 30 days.");
        group.MapGet("/daily/export", ExportDaily).WithDescription("The daily counts as CSV (UTF-8 with BOM).");
        group.MapGet("/dev-inbox", DevInbox).WithDescription("What the development provider \"sent\", newest first (100). phone: optional mobile number.");
        return api;
    }

    private static async Task<Results<Ok<SmsLogReader.MessagePage>, ValidationProblem>> Messages(SmsLogReader log, UiText text, string? phone, string? template,
        string? state, string? from, string? to, int? page)
    {
        var (filter, errors) = Read(phone, template, state, from, to);
        if (errors.Count > 0) return Problems.Validation(text, errors, "sms");
        var result = await log.Search(filter, page ?? 1);
        return TypedResults.Ok(result with { Items = result.Items.Select(m => m with { Phone = Mask(m.Phone) }).ToList() });
    }

    private static async Task<Results<Ok<RevealedPhone>, ProblemHttpResult>> Reveal(Guid outboxId, SmsLogReader log, ClaimsPrincipal admin, IGrainFactory grains)
    {
        if (await log.Phone(outboxId) is not { } phone) return Problems.Status(404, ProblemTypes.NotFound, "No such SMS.");
        await grains.GetGrain<IAuditLogGrain>(0).Record(new AuditEntry(AccountCommands.Actor(admin), "sms.reveal-phone", "sms", outboxId.ToString()));
        return TypedResults.Ok(new RevealedPhone(outboxId, phone));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Resend(Guid outboxId, SmsDeadLetters deadLetters, ClaimsPrincipal admin, IGrainFactory grains)
    {
        switch (await deadLetters.Resend(outboxId))
        {
            case SmsDeadLetters.Outcome.NotFound:
                return Problems.Status(404, ProblemTypes.NotFound, "No such SMS.");
            case SmsDeadLetters.Outcome.NotDead:
                return Problems.Status(409, ProblemTypes.Conflict, UiText.IsEnglish ? "Only a dead-lettered SMS can be resent." : "只有发送失败（死信）的短信可以重发。");
            case SmsDeadLetters.Outcome.CarriedACode:
                return Problems.Status(409, ProblemTypes.Conflict, UiText.IsEnglish ? "A verification code cannot be resent; the resident asks for a new one."
                    : "验证码短信不能重发，请居民重新获取验证码。");
        }
        await grains.GetGrain<IAuditLogGrain>(0).Record(new AuditEntry(AccountCommands.Actor(admin), "sms.resend", "sms", outboxId.ToString()));
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<SmsLogReader.Day>>, ValidationProblem>> Daily(SmsLogReader log, UiText text, TimeProvider clock,
        string? from, string? to)
    {
        var (range, errors) = Range(from, to, clock);
        if (errors.Count > 0) return Problems.Validation(text, errors, "sms");
        return TypedResults.Ok(await log.Daily(range.From, range.To));
    }

    private static async Task<IResult> ExportDaily(HttpContext http, SmsLogReader log, UiText text, TimeProvider clock, string? from, string? to)
    {
        var (range, errors) = Range(from, to, clock);
        if (errors.Count > 0) return Problems.Validation(text, errors, "sms");
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"sms-daily.csv\"";
        await log.ExportDaily(range.From, range.To, http.Response.Body, DailyColumns.Select(c => text[$"sms.daily.{c}"]).ToList(), http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>phone: optional, a mainland mobile number (spaces and dashes are ignored).</summary>
    private static async Task<Results<Ok<IReadOnlyList<SmsDevInboxReader.Message>>, ValidationProblem>> DevInbox(SmsDevInboxReader inbox, UiText text,
        string? phone)
    {
        if (ReadPhone(phone) is not { } filter) return Problems.Validation(text, new Dictionary<string, string[]> { ["phone"] = ["format:phone"] }, "sms");
        return TypedResults.Ok(await inbox.Latest(filter));
    }

    /// <summary>The phone filter: "" for none, the normalized number, or null when it is not a mobile number.</summary>
    public static string? ReadPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var digits = PhoneNumber.Normalize(phone);
        return PhoneNumber.IsMobile(digits) ? digits : null;
    }

    public static string Mask(string phone) => PhoneNumber.IsMobile(phone) ? PersonalData.MaskPhone(phone) : phone;

    public static (SmsLogReader.Filter Filter, Dictionary<string, string[]> Errors) Read(string? phone, string? template, string? state, string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        var number = ReadPhone(phone);
        if (number is null) errors["phone"] = ["format:phone"];
        if (template is { Length: > 64 }) errors["template"] = ["max_length:64"];
        if (!string.IsNullOrEmpty(state) && !SmsLogReader.States.Contains(state)) errors["state"] = ["unknown"];
        var fromDay = Day(from, "from", errors);
        var toDay = Day(to, "to", errors);
        if (fromDay is { } f && toDay is { } t && t < f) errors["to"] = ["after-from"];
        return (new SmsLogReader.Filter(number ?? "", template?.Trim() ?? "", state ?? "", fromDay, toDay), errors);
    }

    private static ((DateOnly From, DateOnly To) Range, Dictionary<string, string[]> Errors) Range(string? from, string? to, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var toDay = Day(to, "to", errors) ?? today;
        var fromDay = Day(from, "from", errors) ?? toDay.AddDays(-29);
        if (toDay < fromDay) errors["to"] = ["after-from"];
        else if (toDay.DayNumber - fromDay.DayNumber > 366) errors["to"] = ["max-days:366"];
        return ((fromDay, toDay), errors);
    }

    private static DateOnly? Day(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", out var day)) return day;
        errors[field] = ["format"];
        return null;
    }
}
