namespace HomeService.WorkOrders;

/// <summary>An order as screens and partners see it (personal data is masked by the web layer where needed).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.WorkOrders.WorkOrderView")]
public sealed record WorkOrderView(
    [property: Id(0)] string OrderNo,
    [property: Id(1)] WorkOrderKind Kind,
    [property: Id(2)] WorkOrderStatus Status,
    [property: Id(3)] string Channel,
    [property: Id(4)] string? CallId,
    [property: Id(5)] string? MemberId,
    [property: Id(6)] string? ContactName,
    [property: Id(7)] string ContactPhone,
    [property: Id(8)] string? Category,
    [property: Id(9)] string? Address,
    [property: Id(10)] string? District,
    [property: Id(11)] DateTimeOffset? WindowStart,
    [property: Id(12)] DateTimeOffset? WindowEnd,
    [property: Id(13)] IReadOnlyDictionary<string, string> Requirements,
    [property: Id(14)] string? MerchantId,
    [property: Id(15)] DateTimeOffset? OfferExpiresAt,
    [property: Id(16)] int OfferAttempts,
    [property: Id(17)] string? WorkerId,
    [property: Id(18)] string? Notes,
    [property: Id(19)] DateTimeOffset CreatedAt,
    [property: Id(20)] DateTimeOffset? CompletedAt,
    [property: Id(21)] long Version,
    [property: Id(22)] int? Score = null,
    [property: Id(23)] bool? Resolved = null,
    [property: Id(24)] string? RelatedOrderNo = null,
    [property: Id(25)] string? LinkedComplaintNo = null,
    [property: Id(26)] string? Severity = null,
    [property: Id(27)] string? Question = null,
    [property: Id(28)] string? ResponsibleParty = null,
    [property: Id(29)] string? ForwardedTo = null,
    [property: Id(30)] string? Response = null,
    [property: Id(31)] bool? Upheld = null,
    [property: Id(32)] string? VerdictReason = null,
    [property: Id(33)] string? Reply = null,
    [property: Id(34)] string? CreatedBy = null,
    [property: Id(35)] IReadOnlyList<string>? RequiredSkills = null,
    [property: Id(36)] string? CheckOutExtras = null,
    [property: Id(37)] long? CollectedFen = null);

/// <summary>What a worker reports at check-out (签退): extra items done beyond the order, and the amount collected on the spot in fen (分).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.WorkOrders.CheckOutSummary")]
public sealed record CheckOutSummary([property: Id(0)] string? Extras, [property: Id(1)] long? CollectedFen)
{
    public static readonly CheckOutSummary None = new(null, null);
}

/// <summary>A service order as an agent (or the website, or a partner) takes it in.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.WorkOrders.NewServiceOrder")]
public sealed record NewServiceOrder(
    [property: Id(0)] string Channel,
    [property: Id(1)] string? CallId,
    [property: Id(2)] string? MemberId,
    [property: Id(3)] string? ContactName,
    [property: Id(4)] string ContactPhone,
    [property: Id(5)] string Category,
    [property: Id(6)] string Address,
    [property: Id(7)] string District,
    [property: Id(8)] DateTimeOffset WindowStart,
    [property: Id(9)] DateTimeOffset WindowEnd,
    [property: Id(10)] IReadOnlyDictionary<string, string> Requirements,
    [property: Id(11)] string? Notes,
    [property: Id(12)] string CreatedBy,
    [property: Id(13)] HomeService.Catalogue.CategoryTerms? Terms = null,
    [property: Id(14)] int TermsVersion = 0);

/// <summary>A complaint as it is registered (by an agent, the website, or automatically after a poor follow-up).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.WorkOrders.NewComplaint")]
public sealed record NewComplaint(
    [property: Id(0)] string Channel,
    [property: Id(1)] string? MemberId,
    [property: Id(2)] string? ContactName,
    [property: Id(3)] string ContactPhone,
    [property: Id(4)] string? RelatedOrderNo,
    [property: Id(5)] string? AgainstMerchantId,
    [property: Id(6)] string? AgainstWorkerId,
    [property: Id(7)] string Severity,
    [property: Id(8)] string Description,
    [property: Id(9)] string CreatedBy);

/// <summary>
/// A follow-up visit's outcome (回访). Tags: the resident's quick verdicts from a fixed set (准时, 专业 …), web ratings only.
/// Photos: uploaded files the resident attached to a web rating (at most 3, checked by the web host before it gets here).
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.WorkOrders.FollowUpOutcome")]
public sealed record FollowUpOutcome(
    [property: Id(0)] string Channel,
    [property: Id(1)] int? Score,
    [property: Id(2)] bool? Resolved,
    [property: Id(3)] string? Comment,
    [property: Id(4)] bool Unreachable,
    [property: Id(5)] string Actor,
    [property: Id(6)] IReadOnlyList<string>? Tags = null,
    [property: Id(7)] IReadOnlyList<Guid>? Photos = null);

/// <summary>A consultation question (咨询) or a suggestion (建议) as it comes in.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.WorkOrders.NewInquiry")]
public sealed record NewInquiry(
    [property: Id(0)] WorkOrderKind Kind,
    [property: Id(1)] string Channel,
    [property: Id(2)] string? MemberId,
    [property: Id(3)] string? ContactName,
    [property: Id(4)] string ContactPhone,
    [property: Id(5)] string Text,
    [property: Id(6)] string CreatedBy);
