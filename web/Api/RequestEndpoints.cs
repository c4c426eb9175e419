using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HomeService.Web.Api;

/// <summary>Complaints (投诉), consultations (咨询) and suggestions (建议): intake and each step of their flows.</summary>
public static class RequestEndpoints
{
    public sealed record ComplaintRequest(string? ContactName, string? ContactPhone, string? MemberId, string? RelatedOrderNo, string? AgainstMerchantId,
        string? AgainstWorkerId, string? Severity, string? Description);
    public sealed record InquiryRequest(string? ContactName, string? ContactPhone, string? MemberId, string? Text);
    public sealed record TextRequest(string? Text);
    public sealed record PartyRequest(string? Party);
    public sealed record ForwardRequest(string? To);
    public sealed record ChannelRequest(string? Channel);
    public sealed record VerdictRequest(bool? Upheld, string? Reason);
    public sealed record SatisfiedRequest(bool? Satisfied, string? Comment);

    public static RouteGroupBuilder MapRequestEndpoints(this RouteGroupBuilder api)
    {
        var intake = api.MapGroup("/").WithTags("Complaints, consultations, suggestions").RequireAuthorization(Policies.CallCenter);
        intake.MapPost("/complaints", async (ComplaintRequest b, [FromHeader(Name = CtiEndpoints.IdempotencyHeader)] string? key, ClaimsPrincipal u,
            IGrainFactory g, References r, UiText t) =>
        {
            if (IdempotencyKeys.Problem(key) is { } bad) return Problems.Validation(t, bad);
            var invalid = await r.Unknown(memberId: b.MemberId, merchantId: b.AgainstMerchantId, workerId: b.AgainstWorkerId);
            References.Limit(invalid, "contactName", b.ContactName, 50);
            if (invalid.Count > 0) return Problems.Validation(t, invalid);
            var complaint = new NewComplaint("phone", b.MemberId, b.ContactName, b.ContactPhone ?? "", b.RelatedOrderNo,
                b.AgainstMerchantId, b.AgainstWorkerId, b.Severity ?? "medium", b.Description ?? "", u.Identity!.Name!);
            var intakeGrain = g.GetGrain<IOrderIntakeGrain>(0);
            return Created(t, key is null ? await intakeGrain.CreateComplaint(complaint)
                : await intakeGrain.CreateComplaintOnce(complaint, IdempotencyKeys.Staff(u), key));
        });
        intake.MapPost("/consultations", (InquiryRequest b, [FromHeader(Name = CtiEndpoints.IdempotencyHeader)] string? key, ClaimsPrincipal u,
            IGrainFactory g, References r, UiText t) => Inquiry(WorkOrderKind.Consultation, b, key, u, g, r, t));
        intake.MapPost("/suggestions", (InquiryRequest b, [FromHeader(Name = CtiEndpoints.IdempotencyHeader)] string? key, ClaimsPrincipal u,
            IGrainFactory g, References r, UiText t) => Inquiry(WorkOrderKind.Suggestion, b, key, u, g, r, t));

        var steps = api.MapGroup("/orders/{orderNo}").WithTags("Complaints, consultations, suggestions").RequireAuthorization(Policies.CallCenter);
        steps.MapPost("/assign", (string orderNo, PartyRequest b, ClaimsPrincipal u, IGrainFactory g, References r, UiText t) =>
            OrderEndpoints.Act(orderNo, g, t, async o => await r.DepartmentProblem(b.Party) is { } problem
                ? Refused("party", problem) : await o.AssignComplaint(b.Party ?? "", u.Identity!.Name!)));
        steps.MapPost("/respond", (string orderNo, TextRequest b, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            OrderEndpoints.Act(orderNo, g, t, o => o.Respond(b.Text ?? "", u.Identity!.Name!)));
        steps.MapPost("/verdict", (string orderNo, VerdictRequest b, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            OrderEndpoints.Act(orderNo, g, t, o => o.GiveVerdict(b.Upheld ?? false, b.Reason ?? "", u.Identity!.Name!)))
            .RequireAuthorization(Policies.Supervisor);
        steps.MapPost("/complainant-follow-up", (string orderNo, SatisfiedRequest b, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            OrderEndpoints.Act(orderNo, g, t, o => o.FollowUpComplainant(b.Satisfied ?? false, b.Comment, u.Identity!.Name!)));
        steps.MapPost("/answer", (string orderNo, TextRequest b, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            OrderEndpoints.Act(orderNo, g, t, o => o.AnswerDirectly(b.Text ?? "", u.Identity!.Name!)));
        // A request goes to an expert by name, or to one of the center's departments as "department:{code}".
        steps.MapPost("/forward", (string orderNo, ForwardRequest b, ClaimsPrincipal u, IGrainFactory g, References r, UiText t) =>
            OrderEndpoints.Act(orderNo, g, t, async o => await r.DepartmentProblem(b.To) is { } problem
                ? Refused("to", problem) : await o.Forward(b.To ?? "", u.Identity!.Name!)));
        steps.MapPost("/reply", (string orderNo, TextRequest b, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            OrderEndpoints.Act(orderNo, g, t, o => o.DraftReply(b.Text ?? "", u.Identity!.Name!)));
        steps.MapPost("/send-reply", (string orderNo, ChannelRequest b, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            OrderEndpoints.Act(orderNo, g, t, o => o.SendReply(b.Channel ?? "", u.Identity!.Name!)));

        // A merchant answers a complaint assigned to it, from its portal.
        api.MapPost("/merchant/orders/{orderNo}/respond", (string orderNo, TextRequest b, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
                OrderEndpoints.Act(orderNo, g, t, o => o.Respond(b.Text ?? "", Party(u)), owns: v => v.Kind == WorkOrderKind.Complaint && v.ResponsibleParty == Party(u)))
            .RequireAuthorization(Policies.MerchantDesk).WithTags("Merchant portal");
        return api;
    }

    private static CommandResult<WorkOrderView> Refused(string field, string code) =>
        CommandResult<WorkOrderView>.Invalid(new Dictionary<string, string[]> { [field] = [code] });

    private static string Party(ClaimsPrincipal user) => $"merchant:{user.Find(HomeServiceClaims.MerchantId)}";

    private static async Task<Results<Created<WorkOrderView>, ValidationProblem>> Inquiry(WorkOrderKind kind, InquiryRequest b, string? key,
        ClaimsPrincipal u, IGrainFactory g, References r, UiText t)
    {
        if (IdempotencyKeys.Problem(key) is { } bad) return Problems.Validation(t, bad);
        var invalid = await r.Unknown(memberId: b.MemberId);
        References.Limit(invalid, "contactName", b.ContactName, 50);
        if (invalid.Count > 0) return Problems.Validation(t, invalid);
        var inquiry = new NewInquiry(kind, "phone", b.MemberId, b.ContactName, b.ContactPhone ?? "", b.Text ?? "", u.Identity!.Name!);
        var intake = g.GetGrain<IOrderIntakeGrain>(0);
        return Created(t, key is null ? await intake.CreateInquiry(inquiry) : await intake.CreateInquiryOnce(inquiry, IdempotencyKeys.Staff(u), key));
    }

    private static Results<Created<WorkOrderView>, ValidationProblem> Created(UiText text, CommandResult<WorkOrderView> result) =>
        result.Succeeded ? TypedResults.Created($"/api/orders/{result.Value!.OrderNo}", result.Value) : Problems.Validation(text, result.Errors!);
}
