using System.Globalization;
using HomeService.Web.Api;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;

namespace HomeService.Web.Hosting;

/// <summary>
/// A request that met a silo going away (and was not, or could not be, tried again by <see cref="ClusterRetry"/>) is a
/// 503 with Retry-After, not a 500: the caller learns that trying again shortly is right. API callers get a problem in
/// their language; a page gets a short page saying the same.
/// </summary>
public sealed class ClusterUnavailable(UiText text, ILogger<ClusterUnavailable> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!ClusterFaults.IsTransient(exception) || http.Response.HasStarted) return false;
        logger.LogWarning("{Method} {Path} met a silo going away ({Error}); answered 503", http.Request.Method, http.Request.Path, exception.Message);
        RequestCultureAgain.Restore(http);
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (ErrorHandling.IsMachineRequest(http.Request))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Type = ProblemTypes.Unavailable, Title = text["error.unavailable"] },
            });
            return true;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"<!doctype html><meta charset=utf-8><title>503</title><p>{System.Net.WebUtility.HtmlEncode(text["error.unavailable"])}</p>", ct);
        return true;
    }
}
