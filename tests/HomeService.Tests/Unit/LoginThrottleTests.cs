using HomeService.Web.Auth;
using Microsoft.Extensions.Time.Testing;

namespace HomeService.Tests.Unit;

/// <summary>The lockout of logins that name no account. Attempts per address are the sign-in door's (DoorTests).</summary>
public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_login_locks_after_five_failures_and_opens_again_after_the_window()
    {
        var throttle = new LoginThrottle(_clock, failuresPerAccount: 5);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(throttle.TryBegin("Agent1"));
            throttle.Failed("agent1");
        }
        Assert.False(throttle.TryBegin("AGENT1"));
        Assert.True(throttle.TryBegin("agent2"));

        _clock.Advance(LoginThrottle.AccountWindow);
        Assert.True(throttle.TryBegin("agent1"));
    }

    [Fact]
    public void A_success_clears_the_logins_failures()
    {
        var throttle = new LoginThrottle(_clock, failuresPerAccount: 2);
        throttle.Failed("resident");
        throttle.Succeeded("resident");
        throttle.Failed("resident");
        Assert.True(throttle.TryBegin("resident"));
    }
}
