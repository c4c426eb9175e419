using System.Security.Claims;
using HomeService.Audit;
using HomeService.Sms;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>
/// Group notices (消息通知) for admins: price a draft (recipients and billed parts), send it now or at a set time,
/// follow each recipient's state, and cancel one not yet released. Admins only; every send and cancel is audited.
/// </summary>
public static class GroupNoticeEndpoints
{
    public sealed record AudienceBody(string? Kind, string? Category, string? District);

    /// <summary>id: optional, from the compose form (a GUID), so a second click sends nothing more.</summary>
    public sealed record DraftBody(string? Id, string? Text, AudienceBody? Audience, DateTimeOffset? SendAt);

    public static RouteGroupBuilder MapGroupNoticeEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/sms/notices").RequireAuthorization(Policies.Admin).WithTags("Back office: SMS");
        group.MapGet("", async (GroupNoticeReader reader) => TypedResults.Ok(await reader.Latest()))
            .WithDescription("The latest 100 group notices, newest first, each with its recipients counted by state.");
        group.MapPost("/preview", Preview)
            .WithDescription("What a draft costs: the message as phones show it, its length, billed parts each, and how many numbers the group has now.");
        group.MapPost("", Create)
            .WithDescription("Sends a group notice now, or at sendAt (up to 31 days ahead). The opt-out text is added; numbers that replied TD are left out.");
        group.MapGet("/{noticeId}", Get).WithDescription("One notice and its recipients, 100 a page, numbers masked.");
        group.MapPost("/{noticeId}/cancel", Cancel).WithDescription("Cancels a notice not yet released.");
        return api;
    }

    private static GroupNoticeDraft Draft(DraftBody body) =>
        new(body.Text ?? "", new GroupAudience(body.Audience?.Kind ?? "", body.Audience?.Category, body.Audience?.District), body.SendAt);

    private static async Task<Results<Ok<GroupNoticePreview>, ValidationProblem>> Preview(DraftBody body, IGrainFactory grains, UiText text)
    {
        var result = await grains.GetGrain<IGroupNoticeDeskGrain>(0).Preview(Draft(body));
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!, "groupNotice");
    }

    private static async Task<Results<Created<GroupNoticeView>, ValidationProblem, ProblemHttpResult>> Create(DraftBody body, IGrainFactory grains,
        UiText text, ClaimsPrincipal admin)
    {
        string id;
        if (string.IsNullOrWhiteSpace(body.Id)) id = Guid.NewGuid().ToString("N");
        else if (Guid.TryParse(body.Id, out var given)) id = given.ToString("N");
        else return Problems.Validation(text, new Dictionary<string, string[]> { ["id"] = ["format"] }, "groupNotice");
        var actor = AccountCommands.Actor(admin);
        var result = await grains.GetGrain<IGroupNoticeDeskGrain>(0).Schedule(id, Draft(body), actor);
        if (!result.Succeeded)
            return result.Errors!.ContainsKey("id")
                ? Problems.Status(409, ProblemTypes.Conflict, UiText.IsEnglish ? "Another notice has this id." : "该编号已用于另一条消息通知。")
                : Problems.Validation(text, result.Errors!, "groupNotice");
        await grains.GetGrain<IAuditLogGrain>(0).Record(new AuditEntry(actor, "sms.group-notice", "group-notice", id));
        return TypedResults.Created($"/api/admin/sms/notices/{id}", result.Value!);
    }

    private static async Task<Results<Ok<GroupNoticeReader.Detail>, ProblemHttpResult>> Get(string noticeId, int? page, GroupNoticeReader reader) =>
        Guid.TryParse(noticeId, out var key) && await reader.Get(key.ToString("N"), page ?? 1) is { } detail
            ? TypedResults.Ok(detail)
            : Problems.Status(404, ProblemTypes.NotFound, UiText.IsEnglish ? "No such group notice." : "没有这条消息通知。");

    private static async Task<Results<Ok<GroupNoticeView>, ProblemHttpResult>> Cancel(string noticeId, IGrainFactory grains, ClaimsPrincipal admin)
    {
        if (!Guid.TryParse(noticeId, out var key)) return Problems.Status(404, ProblemTypes.NotFound, UiText.IsEnglish ? "No such group notice." : "没有这条消息通知。");
        var id = key.ToString("N");
        var actor = AccountCommands.Actor(admin);
        var result = await grains.GetGrain<IGroupNoticeGrain>(id).Cancel(actor);
        if (result.Succeeded)
        {
            await grains.GetGrain<IAuditLogGrain>(0).Record(new AuditEntry(actor, "sms.group-notice.cancel", "group-notice", id));
            return TypedResults.Ok(result.Value!);
        }
        return result.Errors!.ContainsKey("id")
            ? Problems.Status(404, ProblemTypes.NotFound, UiText.IsEnglish ? "No such group notice." : "没有这条消息通知。")
            : Problems.Status(409, ProblemTypes.Conflict, UiText.IsEnglish ? "The notice has already gone out." : "这条消息通知已经发出，不能取消。");
    }
}
