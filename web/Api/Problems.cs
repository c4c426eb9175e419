using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>Stable problem "type" values (RFC 9457) that clients can switch on; titles are for people.</summary>
public static class ProblemTypes
{
    public const string Validation = "urn:homeservice:problem:validation";
    public const string Unauthenticated = "urn:homeservice:problem:unauthenticated";
    public const string Forbidden = "urn:homeservice:problem:forbidden";
    public const string NotFound = "urn:homeservice:problem:not-found";
    public const string InvalidCredentials = "urn:homeservice:problem:invalid-credentials";
    public const string RateLimited = "urn:homeservice:problem:rate-limited";
    public const string BadRequest = "urn:homeservice:problem:bad-request";
    public const string Conflict = "urn:homeservice:problem:conflict";
    public const string UnsupportedMediaType = "urn:homeservice:problem:unsupported-media-type";
    public const string Unavailable = "urn:homeservice:problem:unavailable";
    public const string Internal = "urn:homeservice:problem:internal";
    public const string PasswordChangeRequired = "urn:homeservice:problem:password-change-required";
    /// <summary>A write signed in by the cookie came without the page's antiforgery token (<c>X-Request-Token</c>).</summary>
    public const string RequestToken = "urn:homeservice:problem:request-token";
    /// <summary>A hub request named another site's page as its Origin (cross-site WebSocket hijacking).</summary>
    public const string ForeignOrigin = "urn:homeservice:problem:foreign-origin";
    /// <summary>The worker is early beyond the center's allowance: the same check-in with "early": true goes ahead.</summary>
    public const string CheckInEarly = "urn:homeservice:problem:check-in-early";
    public const string CheckInOtherDay = "urn:homeservice:problem:check-in-other-day";

    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        409 => Conflict,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        503 => Unavailable,
        >= 500 => Internal,
        _ => $"urn:homeservice:problem:http-{status}",
    };
}

public static class Problems
{
    /// <summary>Field errors from domain codes, each message naming the field in the caller's language.</summary>
    /// <param name="label">Names a field the UI text does not know (a category's own fields), or null to use the UI text.</param>
    public static ValidationProblem Validation(UiText text, IReadOnlyDictionary<string, string[]> errors, string? context = null,
        Func<string, string?>? label = null) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value.Select(code => text.Validation(e.Key, code, context, label?.Invoke(e.Key))).ToArray()),
            title: UiText.IsEnglish ? "The request has invalid fields." : "请求中有字段不正确。",
            type: ProblemTypes.Validation);

    public static ProblemHttpResult Status(int status, string type, string title) =>
        TypedResults.Problem(statusCode: status, type: type, title: title);
}
