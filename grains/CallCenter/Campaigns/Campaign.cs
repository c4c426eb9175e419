using HomeService.EventLog;

namespace HomeService.CallCenter.Campaigns;

/// <summary>One number of a campaign and where its calls stand.</summary>
public sealed class CampaignTarget
{
    public int No { get; set; }
    public string Number { get; set; } = "";
    public string? OrderNo { get; set; }
    public int Attempts { get; set; }
    public string? InFlightCallId { get; set; }
    public bool InFlight { get; set; }
    /// <summary>When the call in flight was placed.</summary>
    public DateTimeOffset? PlacedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastOutcome { get; set; }
    public string? Result { get; set; }
    public string? Digits { get; set; }
    /// <summary>The final result reached the work-order engine (follow-up campaigns only).</summary>
    public bool Handed { get; set; }

    public bool Done => Result is not null;
}

/// <summary>A campaign's state, folded from its events.</summary>
public sealed class Campaign : IAggregateState
{
    public const string Draft = "Draft";
    public const string Running = "Running";
    public const string Paused = "Paused";
    public const string Finished = "Finished";

    public int Version { get; set; }
    public string Id { get; set; } = "";
    public CampaignSpec? Spec { get; set; }
    public string Status { get; set; } = Draft;
    public List<CampaignTarget> Targets { get; set; } = [];

    public bool Exists => Spec is not null;
    public int InFlight => Targets.Count(t => t.InFlight);

    public CampaignTarget? Target(int no) => no >= 1 && no <= Targets.Count ? Targets[no - 1] : null;

    public void Apply(object e)
    {
        switch (e)
        {
            case CampaignCreated x:
                Spec = x.Spec;
                Targets = x.Spec.Numbers.Select((n, i) => new CampaignTarget { No = i + 1, Number = n.Number, OrderNo = n.OrderNo }).ToList();
                break;
            case CampaignStarted: Status = Running; break;
            case CampaignPaused: Status = Paused; break;
            case CampaignFinished: Status = Finished; break;
            case CampaignCallPlaced x:
                var placed = Targets[x.TargetNo - 1];
                (placed.Attempts, placed.InFlightCallId, placed.InFlight, placed.NextAttemptAt, placed.PlacedAt) = (x.Attempt, x.CallId, true, null, x.At);
                break;
            case CampaignAttemptSettled x:
                var settled = Targets[x.TargetNo - 1];
                (settled.InFlight, settled.InFlightCallId, settled.LastOutcome, settled.NextAttemptAt) = (false, null, x.Outcome, x.RetryAt);
                (settled.Result, settled.Digits) = (x.Result, x.Digits ?? settled.Digits);
                break;
            case CampaignResultHanded x: Targets[x.TargetNo - 1].Handed = true; break;
            default:
                throw new ArgumentException($"Unknown campaign event {e.GetType().Name}");
        }
    }

    public CampaignView View() => new(Id, Spec?.Name ?? "", Spec?.Kind ?? "", Spec?.Prompt ?? "", Status, Spec?.Pacing ?? 0,
        Spec?.RetryAfterMinutes ?? 0, Spec?.MaxAttempts ?? 0, Spec?.AllowedFrom ?? "", Spec?.AllowedTo ?? "",
        Targets.Select(TargetView).ToList(), Version);

    public static CampaignTargetView TargetView(CampaignTarget t) =>
        new(t.No, t.Number, t.OrderNo, t.Attempts, t.InFlight, t.LastOutcome, t.Result, t.Digits, t.NextAttemptAt);
}
