using HomeService.EventLog;
using HomeService.Merchants;
using HomeService.Notifications;

namespace HomeService.Credit;

/// <summary>
/// One credit account ("merchant:M001", "worker:W001"). Thin around <see cref="CreditAccount"/>: each input is an
/// event written with a credit_change row (reason, source event, score before and after) and the subject's score on
/// its read row; a merchant's standing rules hear every new score.
/// </summary>
public sealed class CreditGrain(
    [PersistentState("credit", "Default")] IPersistentState<CreditState> state,
    IEventLog log,
    CreditPolicy policy,
    TimeProvider clock) : Grain, ICreditGrain
{
    public static readonly EventCodec Codec = new("credit", ("CreditEntered", typeof(CreditEntered)), ("CreditAppealChanged", typeof(CreditAppealChanged)),
        ("CreditAwarded", typeof(CreditAwarded)));

    private Journal<CreditState> _journal = null!;
    private CreditAccount Account => new(_journal.State.Ledger, policy);
    private string Key => this.GetPrimaryKeyString();
    private string Kind => Key[..Key.IndexOf(':')];
    private string SubjectId => Key[(Key.IndexOf(':') + 1)..];

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<CreditState>(state, log, Codec, Key, this);
        await _journal.CatchUp(ct);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<CreditSummary> Get() => Task.FromResult(Summary());

    public async Task Record(long sequence, CreditInput input)
    {
        if (sequence <= _journal.State.LastSequence) return; // already taken in (a replay after a crash)
        var points = input.Kind switch
        {
            "penalty" => policy.PenaltyFor(input.Reason!.Value),
            "completed" => Account.BonusFor(input.OnTime ?? true),
            _ => 0,
        };
        var reason = input.Kind switch { "rating" => CreditReason.Rating, "penalty" => input.Reason!.Value, _ => CreditReason.OnTimeStreak };
        // A completion that earns nothing moves no score: it only counts towards the next streak, so it writes no change row.
        var silent = input.Kind == "completed" && points == 0;
        await Change(new CreditEntered(sequence, input, points, clock.GetUtcNow()), reason, input.Source, input.At, silent, "system:credit");
    }

    public async Task<CommandResult<CreditSummary>> Appeal(string penaltyId, string actor)
    {
        if (Account.CannotAppeal(penaltyId, clock.GetUtcNow()) is { } why)
            return CommandResult<CreditSummary>.Invalid(new Dictionary<string, string[]> { ["penaltyId"] = [why] });
        await Change(new CreditAppealChanged(penaltyId, AppealState.Open, null, clock.GetUtcNow()), CreditReason.AppealOpened, penaltyId, clock.GetUtcNow(),
            false, actor);
        return CommandResult<CreditSummary>.Ok(Summary());
    }

    public async Task<CommandResult<CreditSummary>> DecideAppeal(string penaltyId, bool granted, string reason, string actor)
    {
        if (_journal.State.Ledger.Adjustments.FirstOrDefault(a => a.Id == penaltyId) is not { Appeal: AppealState.Open })
            return CommandResult<CreditSummary>.Invalid(new Dictionary<string, string[]> { ["penaltyId"] = ["no-open-appeal"] });
        var now = clock.GetUtcNow();
        await Change(new CreditAppealChanged(penaltyId, granted ? AppealState.Granted : AppealState.Rejected, reason, now),
            granted ? CreditReason.AppealGranted : CreditReason.AppealRejected, penaltyId, now, false, actor);
        return CommandResult<CreditSummary>.Ok(Summary());
    }

    public async Task<double> Review(bool allWorkersGreen)
    {
        var now = clock.GetUtcNow();
        if (Kind == "merchant" && allWorkersGreen && Account.GreenBonusDue(now))
        {
            var id = $"green:{now.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}";
            await Change(new CreditAwarded(id, CreditReason.AllWorkersGreen, policy.AllWorkersGreenBonus, now), CreditReason.AllWorkersGreen, id, now, false,
                "system:credit-review");
        }
        else if (Kind == "merchant")
            // No event, only time: the score still moves as old ratings and penalties fade, and dispatch ranks by today's score.
            await GrainFactory.GetGrain<IMerchantGrain>(SubjectId).CreditScored((int)Math.Round(Account.ScoreAt(now)));
        return Account.ScoreAt(now);
    }

    private async Task Change(object e, CreditReason reason, string source, DateTimeOffset at, bool silent, string actor)
    {
        var now = clock.GetUtcNow();
        var before = Account.ScoreAt(now);
        await _journal.Record(e, actor, now, s => [.. Tallies(e), .. silent ? [] : Rows(s, reason, source, at, before, now)]);
        if (Kind == "merchant" && !silent)
            await GrainFactory.GetGrain<IMerchantGrain>(SubjectId).CreditScored((int)Math.Round(Account.ScoreAt(now)));
    }

    /// <summary>
    /// The merchant lookup's figures (completed orders, ratings) kept on the merchant row as they come, in the same
    /// transaction as the input, so a lookup reads one row per merchant instead of counting its orders every time.
    /// </summary>
    private IEnumerable<ReadModelWrite> Tallies(object e)
    {
        if (Kind != "merchant" || e is not CreditEntered { Input: var input }) yield break;
        if (input.Kind == "completed")
            yield return new ReadModelWrite("UPDATE merchant SET completed_orders = completed_orders + 1 WHERE id = $1", SubjectId);
        else if (input.Kind == "rating" && input.Stars is { } stars)
            yield return new ReadModelWrite("UPDATE merchant SET rating_count = rating_count + 1, rating_sum = rating_sum + $2 WHERE id = $1",
                SubjectId, Math.Clamp(stars, 1, 5));
    }

    private IEnumerable<ReadModelWrite> Rows(CreditState s, CreditReason reason, string source, DateTimeOffset at, double before, DateTimeOffset now)
    {
        var account = new CreditAccount(s.Ledger, policy);
        var after = account.ScoreAt(now);
        yield return new ReadModelWrite("""
            INSERT INTO credit_change (subject_kind, subject_id, at, reason, source, score_before, score_after, level_points)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, Kind, SubjectId, at, reason.ToString(), source, before, after, s.Ledger.LevelPoints);
        yield return Kind == "merchant"
            ? new ReadModelWrite("UPDATE merchant SET credit_score = $2, credit_level = $3, credit_points = $4 WHERE id = $1",
                SubjectId, (int)Math.Round(after), account.Level.ToString(), s.Ledger.LevelPoints)
            : new ReadModelWrite("UPDATE worker SET credit_score = $2, credit_level = $3, credit_points = $4 WHERE id = $1",
                SubjectId, (int)Math.Round(after), account.Level.ToString(), s.Ledger.LevelPoints);
        if (Kind == "merchant" && reason != CreditReason.Rating && Math.Abs(after - before) >= 0.01)
            yield return NotificationOutbox.Enqueue("in-app", "merchant", SubjectId, "credit.changed",
                new { reason = reason.ToString(), source, before = Math.Round(before, 2), after = Math.Round(after, 2) }, $"credit:{Key}:{s.Version}");
    }

    private CreditSummary Summary()
    {
        var account = Account;
        var now = clock.GetUtcNow();
        var open = account.Ledger.Adjustments.Where(a => a.Appealable && (a.Appeal != AppealState.None || account.CannotAppeal(a.Id, now) is null))
            .Select(a => new AppealablePenalty(a.Id, a.Reason, a.At, a.Appeal.ToString())).ToList();
        return new CreditSummary(Key, account.ScoreAt(now), account.Level.ToString(), account.Ledger.LevelPoints, open);
    }
}
