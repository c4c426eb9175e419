using HomeService.EventLog;
using HomeService.Notifications;

namespace HomeService.Members;

/// <summary>
/// Verification codes of one mobile number. Thin around <see cref="PhoneVerificationLedger"/>: a send is an event written
/// with its SMS outbox row (the only place the code is written), then the code's salted hash is stored with the grain's
/// state before the caller hears "sent". Wrong tries and uses are events too, so a restart forgets neither the rate limit
/// nor how many tries a code has left; a code whose hash did not reach storage before a crash simply no longer verifies.
/// </summary>
public sealed class PhoneVerificationGrain(
    [PersistentState("phoneverification", "Default")] IPersistentState<PhoneVerificationLedger> state,
    IEventLog log,
    VerificationPolicy policy,
    TimeProvider clock) : Grain, IPhoneVerificationGrain
{
    public static readonly EventCodec Codec = new("phone_verification",
        ("VerificationCodeSent", typeof(VerificationCodeSent)), ("VerificationCodeRejected", typeof(VerificationCodeRejected)),
        ("VerificationCodeAccepted", typeof(VerificationCodeAccepted)));

    private Journal<PhoneVerificationLedger> _journal = null!;
    private PhoneVerificationLedger Me => _journal.State;
    private string Phone => this.GetPrimaryKeyString();
    private string Actor => $"phone:{Phone}";

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<PhoneVerificationLedger>(state, log, Codec, Phone, this);
        return _journal.CatchUp(ct);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public async Task<VerificationSend> Send(string purpose)
    {
        if (!PhoneNumber.IsMobile(Phone) || !VerificationPurposes.All.Contains(purpose))
            throw new ArgumentException($"No codes for purpose '{purpose}' to this number.");
        var now = clock.GetUtcNow();
        var wait = Me.WaitBeforeSending(now, policy);
        if (wait > TimeSpan.Zero) return new VerificationSend(false, (int)Math.Ceiling(wait.TotalSeconds), null, 0, 0);

        var code = PhoneVerificationLedger.NewCode();
        var expires = now + policy.CodeLifetime;
        var minutes = (int)Math.Ceiling(policy.CodeLifetime.TotalMinutes);
        await _journal.Record(new VerificationCodeSent(purpose, expires, now), Actor, now, s =>
            [NotificationOutbox.Enqueue("sms", "phone", Phone, "verification.code", new { code, minutes, purpose }, $"verification:{Phone}:{s.Version}")]);
        Me.Keep(purpose, code);
        await state.WriteStateAsync();
        return new VerificationSend(true, 0, expires, (int)policy.CodeLifetime.TotalSeconds,
            (int)Math.Ceiling(Me.WaitBeforeSending(now, policy).TotalSeconds));
    }

    public async Task<VerificationOutcome> Verify(string purpose, string code)
    {
        var now = clock.GetUtcNow();
        var outcome = Me.Check(purpose, code, now, policy);
        if (outcome == VerificationOutcome.Accepted) await _journal.Record(new VerificationCodeAccepted(purpose, now), Actor, now);
        else if (outcome == VerificationOutcome.Wrong)
        {
            await _journal.Record(new VerificationCodeRejected(purpose, now), Actor, now);
            if (Me.Codes[purpose].WrongTries >= policy.MaxWrongTries) return VerificationOutcome.TooManyTries;
        }
        return outcome;
    }
}
