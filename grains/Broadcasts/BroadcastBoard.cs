using HomeService.EventLog;

namespace HomeService.Broadcasts;

/// <summary>
/// The broadcast board's rules and state, with no Orleans in it: commands return the events they cause,
/// and <see cref="Apply(object)"/> folds an event into the state, so the same code replays the log.
/// </summary>
public sealed class BroadcastBoard : IAggregateState
{
    public const int MaxTextLength = 500;
    public const int MinMinutes = 1;
    public const int MaxMinutes = 24 * 60;

    public List<Broadcast> Active { get; set; } = [];
    public int Version { get; set; }

    public static Dictionary<string, string[]> Validate(PostBroadcast command)
    {
        var errors = new Dictionary<string, string[]>();
        var text = command.Text?.Trim() ?? "";
        if (text.Length == 0) errors["text"] = ["required"];
        else if (text.Length > MaxTextLength) errors["text"] = [$"max_length:{MaxTextLength}"];
        if (command.Minutes is < MinMinutes or > MaxMinutes) errors["minutes"] = [$"range:{MinMinutes}-{MaxMinutes}"];
        return errors;
    }

    public BroadcastPosted Post(PostBroadcast command, Guid id, DateTimeOffset now) =>
        new(id, command.Text.Trim(), command.Author, now, now.AddMinutes(command.Minutes));

    public BroadcastEnded? Retract(Guid id, string actor, DateTimeOffset now) =>
        Active.Any(b => b.Id == id) ? new BroadcastEnded(id, "retracted", actor, now) : null;

    public IReadOnlyList<BroadcastEnded> Expire(DateTimeOffset now) =>
        Active.Where(b => b.ExpiresAt <= now).Select(b => new BroadcastEnded(b.Id, "expired", null, now)).ToList();

    public IReadOnlyList<Broadcast> Visible(DateTimeOffset now) => Active.Where(b => b.ExpiresAt > now).ToList();

    public DateTimeOffset? NextExpiry => Active.Count == 0 ? null : Active.Min(b => b.ExpiresAt);

    public void Apply(object e)
    {
        switch (e)
        {
            case BroadcastPosted p:
                Active.Add(new Broadcast(p.Id, p.Text, p.Author, p.PostedAt, p.ExpiresAt));
                break;
            case BroadcastEnded x:
                Active.RemoveAll(b => b.Id == x.Id);
                break;
            default:
                throw new ArgumentException($"Unknown broadcast event {e.GetType().Name}");
        }
    }
}
