using HomeService.Members;
using HomeService.Web.Auth;
using Microsoft.Extensions.Time.Testing;

namespace HomeService.Tests.Unit.Members;

/// <summary>The rules of SMS verification codes, on a fake clock: what a resident typing a code, or asking for one, runs into.</summary>
public sealed class PhoneVerificationLedgerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly VerificationPolicy _policy = new();
    private readonly PhoneVerificationLedger _ledger = new();
    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>What the grain does on a send: the event, then the code's hash.</summary>
    private void Send(string purpose, string code)
    {
        Assert.Equal(TimeSpan.Zero, _ledger.WaitBeforeSending(Now, _policy));
        _ledger.Apply(new VerificationCodeSent(purpose, Now + _policy.CodeLifetime, Now));
        _ledger.Keep(purpose, code);
    }

    [Fact]
    public void A_code_is_good_for_five_minutes_and_expired_after()
    {
        Send(VerificationPurposes.Register, "123456");
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(VerificationOutcome.Accepted, _ledger.Check(VerificationPurposes.Register, "123456", Now, _policy));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(VerificationOutcome.Expired, _ledger.Check(VerificationPurposes.Register, "123456", Now, _policy));
    }

    [Fact]
    public void A_code_passes_once_and_only_for_its_purpose()
    {
        Send(VerificationPurposes.Register, "654321");
        Assert.Equal(VerificationOutcome.Missing, _ledger.Check(VerificationPurposes.Reset, "654321", Now, _policy));
        Assert.Equal(VerificationOutcome.Accepted, _ledger.Check(VerificationPurposes.Register, "654321", Now, _policy));
        _ledger.Apply(new VerificationCodeAccepted(VerificationPurposes.Register, Now));
        Assert.Equal(VerificationOutcome.Missing, _ledger.Check(VerificationPurposes.Register, "654321", Now, _policy));
    }

    [Fact]
    public void Five_wrong_tries_void_the_code_even_for_the_right_one_after()
    {
        Send(VerificationPurposes.Reset, "111111");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(VerificationOutcome.Wrong, _ledger.Check(VerificationPurposes.Reset, "222222", Now, _policy));
            _ledger.Apply(new VerificationCodeRejected(VerificationPurposes.Reset, Now));
        }
        Assert.Equal(VerificationOutcome.Accepted, _ledger.Check(VerificationPurposes.Reset, "111111", Now, _policy));
        _ledger.Apply(new VerificationCodeRejected(VerificationPurposes.Reset, Now));
        Assert.Equal(VerificationOutcome.TooManyTries, _ledger.Check(VerificationPurposes.Reset, "111111", Now, _policy));

        // A new code starts with a clean count.
        _clock.Advance(TimeSpan.FromMinutes(1));
        Send(VerificationPurposes.Reset, "333333");
        Assert.Equal(VerificationOutcome.Accepted, _ledger.Check(VerificationPurposes.Reset, "333333", Now, _policy));
    }

    [Fact]
    public void A_new_code_replaces_the_earlier_one_of_the_purpose()
    {
        Send(VerificationPurposes.Register, "100001");
        _clock.Advance(TimeSpan.FromSeconds(61));
        Send(VerificationPurposes.Register, "200002");
        Assert.Equal(VerificationOutcome.Wrong, _ledger.Check(VerificationPurposes.Register, "100001", Now, _policy));
        Assert.Equal(VerificationOutcome.Accepted, _ledger.Check(VerificationPurposes.Register, "200002", Now, _policy));
    }

    [Fact]
    public void One_code_a_minute_and_five_an_hour_with_the_wait_to_tell()
    {
        Send(VerificationPurposes.Register, "000001");
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(50), _ledger.WaitBeforeSending(Now, _policy));
        _clock.Advance(TimeSpan.FromSeconds(50));
        for (var i = 2; i <= 5; i++)
        {
            Send(VerificationPurposes.Register, $"00000{i}");
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        // Five codes at 0, 1, 2, 3 and 4 minutes; it is now 5 minutes: the sixth may go when the first is an hour old.
        Assert.Equal(TimeSpan.FromMinutes(55), _ledger.WaitBeforeSending(Now, _policy));
        _clock.Advance(TimeSpan.FromMinutes(55));
        Assert.Equal(TimeSpan.Zero, _ledger.WaitBeforeSending(Now, _policy));
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("abc123", "min_length:8")]
    [InlineData("abcdefgh", "letter-and-digit")]
    [InlineData("12345678", "letter-and-digit")]
    [InlineData("abcd1234", null)]
    [InlineData("密码安全很重要2026", null)]
    public void Passwords_need_eight_characters_with_a_letter_and_a_digit(string password, string? problem) =>
        Assert.Equal(problem, PasswordRules.Problem(password));
}
