using HomeService.Web.Api;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HomeService.Web.Pages;

/// <summary>What the refusal page shows: the field, a sentence naming it in the reader's language, and the way back.</summary>
public sealed record RefusedCharacters(string Field, string Message, string Back);

/// <summary>
/// Every page's handler, whatever its method, runs only when nothing it was sent holds a refused character
/// (<see cref="PageCharacters"/>). Otherwise the answer is 400 with a small page naming the field and leading back, so no
/// grain or table sees the text and no page needs to know the rule. Runs after model binding, which reaches neither.
/// </summary>
public sealed class RefusedCharactersPageFilter(UiText text, IModelMetadataProvider metadata) : IAsyncPageFilter
{
    public const string View = "/Pages/Shared/RefusedCharacters.cshtml";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (PageCharacters.FirstRefused(await Form(request), request.Query, request.RouteValues) is not { } field)
        {
            await next();
            return;
        }
        // A page's fields are labelled by its name, as its own checks do: "/Site/Callback" names "field.callback.phone".
        var path = context.ActionDescriptor.ViewEnginePath;
        var message = text.Validation(field, RequestCharacters.Code, path[(path.LastIndexOf('/') + 1)..].ToLowerInvariant());
        context.Result = new ViewResult
        {
            ViewName = View,
            StatusCode = StatusCodes.Status400BadRequest,
            ViewData = new ViewDataDictionary<RefusedCharacters>(metadata, context.ModelState)
            {
                Model = new RefusedCharacters(field, message, PageCharacters.Back(request)),
            },
        };
    }

    // A form the framework cannot read is not looked into here; whatever reads it next meets the same error.
    private static async Task<IFormCollection?> Form(HttpRequest request)
    {
        if (!request.HasFormContentType) return null;
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
