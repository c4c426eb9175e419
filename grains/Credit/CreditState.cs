using HomeService.EventLog;

namespace HomeService.Credit;

/// <summary>A credit input as recorded: the points the policy gave it then travel with it.</summary>
public sealed record CreditEntered(long Sequence, CreditInput Input, double Points, DateTimeOffset At);
public sealed record CreditAppealChanged(string PenaltyId, AppealState State, string? Reason, DateTimeOffset At);
/// <summary>A bonus earned at the daily review, not from an order event.</summary>
public sealed record CreditAwarded(string Id, CreditReason Reason, double Points, DateTimeOffset At);

/// <summary>One credit account as a fold of its events: the ledger and the last log sequence it has taken in.</summary>
public sealed class CreditState : IAggregateState
{
    public int Version { get; set; }
    public CreditLedger Ledger { get; set; } = new();
    public long LastSequence { get; set; }

    public void Apply(object e)
    {
        switch (e)
        {
            case CreditEntered { Input: var i } x:
                switch (i.Kind)
                {
                    case "rating": Ledger.AddRating(i.Stars ?? 3, i.Source, i.At); break;
                    case "penalty": Ledger.AddPenalty(i.Reason!.Value, x.Points, i.Source, i.At); break;
                    case "completed": Ledger.Complete(i.OnTime ?? true, x.Points, i.Source, i.At); break;
                }
                LastSequence = Math.Max(LastSequence, x.Sequence);
                break;
            case CreditAppealChanged x: Ledger.SetAppeal(x.PenaltyId, x.State); break;
            case CreditAwarded x: Ledger.Award(x.Id, x.Reason, x.Points, x.At); break;
            default: throw new ArgumentException($"Unknown credit event {e.GetType().Name}");
        }
    }
}
