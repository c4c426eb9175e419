using HomeService.Web.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace HomeService.Web.Hosting;

/// <summary>
/// Every error an API caller sees is an RFC 9457 problem with a stable type and no stack trace;
/// people in a browser get a page in their language instead.
/// </summary>
public static class ErrorHandling
{
    public static IServiceCollection AddHomeServiceProblemDetails(this IServiceCollection services)
    {
        // A body or parameter minimal APIs cannot bind is thrown in every environment (not only Development), so
        // UnreadableRequest can name the field instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableRequest>();
        services.AddExceptionHandler<ClusterUnavailable>();
        return services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (string.IsNullOrEmpty(ctx.ProblemDetails.Type) || ctx.ProblemDetails.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
                ctx.ProblemDetails.Type = ProblemTypes.ForStatus(status);
            if (ctx.Exception is BadHttpRequestException bad)
            {
                ctx.ProblemDetails.Status = bad.StatusCode;
                ctx.ProblemDetails.Type = ProblemTypes.ForStatus(bad.StatusCode);
                ctx.ProblemDetails.Title = "The request could not be read. Check that the body is valid JSON of the documented shape.";
            }
            ctx.ProblemDetails.Detail = status >= 500 ? null : ctx.ProblemDetails.Detail;
            ctx.ProblemDetails.Extensions.Remove("exception");
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
    }

    public static WebApplication UseHomeServiceErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            ExceptionHandler = async http =>
            {
                if (IsMachineRequest(http.Request))
                {
                    var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                    await problems.WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        Exception = http.Features.Get<IExceptionHandlerFeature>()?.Error,
                        ProblemDetails = { Status = http.Response.StatusCode, Title = "Something went wrong on our side." },
                    });
                }
                else
                {
                    http.Response.Redirect("/Error");
                }
            },
        });
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (IsMachineRequest(http.Request) && UnreadableRequest.IsBareBodyRefusal(http))
            {
                // Minimal APIs answer a form cut off mid-stream (an IOException while reading it) with a bare 400, no exception.
                await UnreadableRequest.BodyProblem(http);
            }
            else if (IsMachineRequest(http.Request))
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
            }
            else if (http.Response.StatusCode == StatusCodes.Status404NotFound)
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync("<!doctype html><meta charset=utf-8><title>404</title><p>404 · 页面不存在 · Page not found. <a href=\"/\">首页 Home</a></p>");
            }
        });
        return app;
    }

    internal static bool IsMachineRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs")
        || request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
}
