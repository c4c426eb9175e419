namespace HomeService.Sms;

/// <summary>Who a group notice (消息通知) goes to.</summary>
public static class GroupAudiences
{
    /// <summary>Active merchants, optionally only those serving a category or a district.</summary>
    public const string Merchants = "merchants";
    /// <summary>Active, not black-listed workers of active merchants, optionally only those with a skill (a category).</summary>
    public const string Workers = "workers";
    /// <summary>Members who chose to hear by SMS.</summary>
    public const string Members = "members";

    public static readonly IReadOnlyList<string> All = [Merchants, Workers, Members];
}

/// <summary>A group: its kind and, for merchants and workers, an optional category; for merchants, an optional district.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Sms.GroupAudience")]
public sealed record GroupAudience(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? Category = null,
    [property: Id(2)] string? District = null);

/// <summary>What an admin writes: the text (the opt-out text is added), the group, and when it goes (null: now).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Sms.GroupNoticeDraft")]
public sealed record GroupNoticeDraft(
    [property: Id(0)] string Text,
    [property: Id(1)] GroupAudience Audience,
    [property: Id(2)] DateTimeOffset? SendAt);

[GenerateSerializer, Alias("HomeService.Sms.GroupNoticeStatus")]
public enum GroupNoticeStatus { Scheduled, Released, Cancelled }

[GenerateSerializer, Immutable, Alias("HomeService.Sms.GroupNoticeView")]
public sealed record GroupNoticeView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] GroupAudience Audience,
    [property: Id(3)] GroupNoticeStatus Status,
    [property: Id(4)] DateTimeOffset SendAt,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] DateTimeOffset? ReleasedAt,
    [property: Id(8)] long Version);

/// <summary>
/// One group notice, keyed by its id: scheduled (now or later), then released into the outbox as one SMS per recipient,
/// paced, in the same transaction as its event; or cancelled before that. The recipients are the group as it is at release.
/// </summary>
[Alias("HomeService.Sms.IGroupNoticeGrain")]
public interface IGroupNoticeGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<GroupNoticeView?> Get();

    /// <summary>Records a notice already checked by the web host; one whose time has come is released at once.</summary>
    [Alias("Schedule")] Task<CommandResult<GroupNoticeView>> Schedule(GroupNoticeDraft draft, string actor);

    /// <summary>Stops a notice not yet released.</summary>
    [Alias("Cancel")] Task<CommandResult<GroupNoticeView>> Cancel(string actor);
}

/// <summary>What a draft costs: the message as phones show it (after the sign name), its length and billed parts, and the group's size now.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Sms.GroupNoticePreview")]
public sealed record GroupNoticePreview(
    [property: Id(0)] string SignName,
    [property: Id(1)] string Text,
    [property: Id(2)] int Length,
    [property: Id(3)] int SegmentsEach,
    [property: Id(4)] int Recipients);

/// <summary>
/// The admins' desk for group notices (any activation): checks a draft against the catalogue and the city's districts,
/// prices it, and hands a checked one to its <see cref="IGroupNoticeGrain"/>.
/// </summary>
[Alias("HomeService.Sms.IGroupNoticeDeskGrain")]
public interface IGroupNoticeDeskGrain : IGrainWithIntegerKey
{
    [Alias("Preview")] Task<CommandResult<GroupNoticePreview>> Preview(GroupNoticeDraft draft);

    /// <summary>The id comes from the compose form, so a second click of "send" schedules nothing more.</summary>
    [Alias("Schedule")] Task<CommandResult<GroupNoticeView>> Schedule(string id, GroupNoticeDraft draft, string actor);
}
