using HomeService.EventLog;

namespace HomeService.Sms.GroupNotices;

/// <summary>A group notice as a fold of its events.</summary>
public sealed class GroupNotice : IAggregateState
{
    public int Version { get; set; }
    public bool Exists { get; set; }
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";
    public GroupAudience Audience { get; set; } = new(GroupAudiences.Merchants);
    public GroupNoticeStatus Status { get; set; }
    public DateTimeOffset SendAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ReleasedAt { get; set; }

    public GroupNoticeView View() => new(Id, Text, Audience, Status, SendAt, CreatedAt, CreatedBy, ReleasedAt, Version);

    public void Apply(object e)
    {
        switch (e)
        {
            case GroupNoticeScheduled x:
                (Exists, Text, Audience, SendAt, CreatedBy, CreatedAt, Status) = (true, x.Text, x.Audience, x.SendAt, x.By, x.At, GroupNoticeStatus.Scheduled);
                break;
            case GroupNoticeReleased x: (Status, ReleasedAt) = (GroupNoticeStatus.Released, x.At); break;
            case GroupNoticeCancelled: Status = GroupNoticeStatus.Cancelled; break;
            default: throw new ArgumentException($"Unknown group notice event {e.GetType().Name}");
        }
    }
}
