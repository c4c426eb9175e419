using HomeService.Telephony;

namespace HomeService.Tests.Unit.CallCenter;

public sealed class CallerScriptTests
{
    [Fact]
    public void The_same_seed_gives_the_same_callers()
    {
        var profile = CallerProfile.Default(5, TimeSpan.FromMinutes(1));
        Assert.Equal(CallerScript.Generate(profile, 7, "run"), CallerScript.Generate(profile, 7, "run"));
        Assert.NotEqual(CallerScript.Generate(profile, 7, "run"), CallerScript.Generate(profile, 8, "run"));
    }

    [Fact]
    public void Arrivals_follow_the_rate_and_choices_follow_their_weights()
    {
        var callers = CallerScript.Generate(CallerProfile.Default(50, TimeSpan.FromSeconds(60)), 1, "run");
        Assert.InRange(callers.Count, 2700, 3300);
        Assert.True(callers.Zip(callers.Skip(1)).All(p => p.First.At <= p.Second.At));
        var complaints = callers.Count(c => c.IvrChoice == "3") / (double)callers.Count;
        Assert.InRange(complaints, 0.07, 0.13); // weight 1 of 10
        Assert.All(callers, c => Assert.Matches("^1[3-9][0-9]{9}$", c.Number));
        Assert.InRange(callers.Average(c => c.TalkTime.TotalSeconds), 80, 100);
    }
}
