using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>部门: the departments complaints and requests are forwarded to (转办). Admins only; agents read the active ones from the work queue.</summary>
public static class DepartmentEndpoints
{
    /// <summary>A department; on a change, fields left out keep what it has (so {"active": false} retires it).</summary>
    public sealed record DepartmentRequest(string? Code, string? NameZh, string? NameEn, bool? Active);

    public static RouteGroupBuilder MapDepartmentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/call-center/departments").RequireAuthorization(Policies.Admin).WithTags("Back office: call center");
        group.MapGet("", async (IGrainFactory grains) => TypedResults.Ok(await Departments(grains).GetAll()));
        group.MapPost("", async Task<Results<Created<Department>, ValidationProblem>> (DepartmentRequest body, ClaimsPrincipal user, IGrainFactory grains,
            UiText text) =>
        {
            var result = await Departments(grains).Create(new Department(body.Code ?? "", body.NameZh ?? "", body.NameEn ?? "", true), AccountCommands.Actor(user));
            return result.Succeeded
                ? TypedResults.Created($"/api/admin/call-center/departments/{result.Value!.Code}", result.Value)
                : Problems.Validation(text, result.Errors!, "department");
        });
        group.MapPut("/{department}", async Task<Results<Ok<Department>, ValidationProblem, ProblemHttpResult>> (string department, DepartmentRequest body,
            ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
        {
            if (department.Length > 64 || await Departments(grains).Get(department) is not { } current)
                return Problems.Status(404, ProblemTypes.NotFound, "No such department.");
            var result = await Departments(grains).Update(Change(current, body), AccountCommands.Actor(user));
            return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!, "department");
        });
        return api;
    }

    public static Department Change(Department current, DepartmentRequest body) =>
        current with { NameZh = body.NameZh ?? current.NameZh, NameEn = body.NameEn ?? current.NameEn, Active = body.Active ?? current.Active };

    private static IDepartmentsGrain Departments(IGrainFactory grains) => grains.GetGrain<IDepartmentsGrain>(0);
}
