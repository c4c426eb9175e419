namespace HomeService.Sms.GroupNotices;

public sealed record GroupNoticeScheduled(string Text, GroupAudience Audience, DateTimeOffset SendAt, string By, DateTimeOffset At);
/// <summary>The notice went into the outbox: one paced SMS per recipient, written with this event.</summary>
public sealed record GroupNoticeReleased(DateTimeOffset At);
public sealed record GroupNoticeCancelled(string By, DateTimeOffset At);
