using System.Globalization;
using System.Threading.RateLimiting;
using HomeService.Web.Api;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.RateLimiting;

namespace HomeService.Web.Doors;

/// <summary>
/// A request a door turned away: 429 with Retry-After. The API answers with a problem (RFC 9457) in the caller's
/// language; a form page is rendered again with the refusal on it (see <see cref="IDoorPage"/>), so a person sees
/// their form and why, not a bare status.
/// </summary>
public sealed record DoorRefusal(string DoorName, int RetryAfterSeconds)
{
    public string Message(UiText text) =>
        text.Format(DoorName.Length > 0 ? $"doors.refused.{DoorName}" : "doors.refused", Math.Max(1, (RetryAfterSeconds + 59) / 60));

    public static async ValueTask Write(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint();
        var door = endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "";
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var refusal = new DoorRefusal(door, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (!http.Request.Path.StartsWithSegments("/api") && endpoint?.RequestDelegate is { } page)
        {
            // The page runs with the refusal in its features: its handler is skipped and the form shown with the message.
            http.Features.Set(refusal);
            await page(http);
            return;
        }
        var text = http.RequestServices.GetRequiredService<UiText>();
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, type: ProblemTypes.RateLimited, title: refusal.Message(text),
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = refusal.RetryAfterSeconds }).ExecuteAsync(http);
    }
}
