using HomeService.Web.Auth;
using Microsoft.Extensions.Time.Testing;

namespace HomeService.Tests.Unit;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_account_locks_after_five_failures_and_opens_again_after_the_window()
    {
        var throttle = new LoginThrottle(_clock, failuresPerAccount: 5, attemptsPerAddress: 100);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(throttle.TryBegin("10.0.0.1", "Agent1"));
            throttle.Failed("agent1");
        }
        Assert.False(throttle.TryBegin("10.0.0.2", "AGENT1"));
        Assert.True(throttle.TryBegin("10.0.0.2", "agent2"));

        _clock.Advance(LoginThrottle.AccountWindow);
        Assert.True(throttle.TryBegin("10.0.0.1", "agent1"));
    }

    [Fact]
    public void A_success_clears_the_accounts_failures()
    {
        var throttle = new LoginThrottle(_clock, failuresPerAccount: 2, attemptsPerAddress: 100);
        throttle.Failed("resident");
        throttle.Succeeded("resident");
        throttle.Failed("resident");
        Assert.True(throttle.TryBegin("10.0.0.1", "resident"));
    }

    [Fact]
    public void One_address_may_only_try_so_often_per_minute()
    {
        var throttle = new LoginThrottle(_clock, failuresPerAccount: 100, attemptsPerAddress: 3);
        for (var i = 0; i < 3; i++) Assert.True(throttle.TryBegin("10.0.0.9", $"user{i}"));
        Assert.False(throttle.TryBegin("10.0.0.9", "user9"));
        Assert.True(throttle.TryBegin("10.0.0.8", "user9"));
        _clock.Advance(LoginThrottle.AddressWindow);
        Assert.True(throttle.TryBegin("10.0.0.9", "user9"));
    }
}
