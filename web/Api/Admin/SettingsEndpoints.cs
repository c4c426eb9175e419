using System.Security.Claims;
using HomeService.Settings;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>系统参数: the settings an operator changes while the center runs, applied by every silo within seconds. Admins only.</summary>
public static class SettingsEndpoints
{
    public static RouteGroupBuilder MapSettingsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/settings").RequireAuthorization(Policies.Admin).WithTags("Back office: settings");
        group.MapGet("/", async (IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<ISystemSettingsGrain>(0).Get()));
        group.MapPut("/", async Task<Results<Ok<SettingsSnapshot>, ValidationProblem>> (SystemSettings body, ClaimsPrincipal user, IGrainFactory grains,
            UiText text) =>
        {
            var result = await grains.GetGrain<ISystemSettingsGrain>(0).Save(body, AccountCommands.Actor(user));
            return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!, "settings");
        });
        return api;
    }
}
