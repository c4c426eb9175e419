using System.Reflection;
using HomeService.Web.Api;
using HomeService.Web.Hosting;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.SignalR;

namespace HomeService.Web.Realtime;

/// <summary>
/// The character rule of <see cref="RequestCharacters"/> for hub method arguments: a method is not invoked with a refused
/// character in any text it is sent; the caller gets a HubException naming the argument. LiveHub takes no text today; the
/// rule holds for whatever method takes some later.
/// </summary>
public sealed class HubCharacters(UiText text) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var services = invocation.ServiceProvider.GetService<IServiceProviderIsService>();
        if (FirstRefused(invocation.HubMethod, invocation.HubMethodArguments, services) is not { } argument) return next(invocation);
        if (invocation.Context.GetHttpContext() is { } http) RequestCultureAgain.Restore(http);
        // Named as the method's parameter, not by a form's label: the caller is a script that sent that argument.
        throw new HubException(text.Validation(argument, RequestCharacters.Code, label: text.Format("field.unnamed", argument)));
    }

    /// <summary>
    /// The argument holding a refused character, by its parameter's name ("note", "address.district"), or null. Arguments
    /// the hub takes from its services are not the caller's text and are not looked into.
    /// </summary>
    public static string? FirstRefused(MethodInfo method, IReadOnlyList<object?> arguments, IServiceProviderIsService? services = null)
    {
        var parameters = method.GetParameters();
        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = parameters.Length == arguments.Count ? parameters[i] : null;
            if (parameter is not null && services?.IsService(parameter.ParameterType) == true) continue;
            if (RequestCharacters.FirstRefused(arguments[i], parameter?.Name ?? $"arguments[{i}]") is { } found) return found;
        }
        return null;
    }
}
