using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Doors;

/// <summary>A form page behind a door: it shows a refusal where it shows its other form errors.</summary>
public interface IDoorPage
{
    /// <summary>Called instead of the page's handler; loads what the form needs to be shown again.</summary>
    Task Refused(string message);
}

/// <summary>Skips the handler of a page whose door refused the request, and renders the page with the refusal instead.</summary>
public sealed class DoorRefusalPageFilter(UiText text) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Features.Get<DoorRefusal>() is { } refusal && context.HandlerInstance is PageModel page)
        {
            if (page is IDoorPage door) await door.Refused(refusal.Message(text));
            context.Result = page.Page();
            return;
        }
        await next();
    }
}
