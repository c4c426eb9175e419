using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace HomeService.Web.Hosting;

/// <summary>
/// Error answers written outside the localization middleware (exception handlers, status-code pages) run after its
/// culture ended: they take the request's culture again, so the problem is in the caller's language.
/// </summary>
public static class RequestCultureAgain
{
    public static void Restore(HttpContext http)
    {
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture.Culture, culture.UICulture);
    }
}
