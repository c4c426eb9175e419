using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// What /api answers when no endpoint matched. An endpoint that takes JSON does not match a body of another
/// type, so such a request lands here too; it gets 415 with the fix, not a misleading 404.
/// </summary>
public static class ApiFallback
{
    public static ProblemHttpResult Handle(HttpContext http)
    {
        var request = http.Request;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        var json = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        return hasBody && !json && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
            ? Problems.Status(415, ProblemTypes.UnsupportedMediaType, "Send the request body as application/json.")
            : Problems.Status(404, ProblemTypes.NotFound, "No API endpoint at this address.");
    }
}
