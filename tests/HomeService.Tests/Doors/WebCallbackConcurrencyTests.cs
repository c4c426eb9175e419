using System.Net;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Doors;

public sealed class OneSiloDeployment : IAsyncLifetime
{
    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb Web => Deployment.WebHosts[0];
    public async Task InitializeAsync() => Deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
    public async Task DisposeAsync() => await Deployment.DisposeAsync();
}

/// <summary>
/// One waiting website callback per number, however many forms for it arrive at once: the number's grain decides, so
/// exactly one call is queued and every other post is shown that one, with a word that it was already waiting.
/// </summary>
public sealed class WebCallbackConcurrencyTests(OneSiloDeployment fixture) : IClassFixture<OneSiloDeployment>
{
    [Fact]
    public async Task Eight_posts_of_one_number_at_once_queue_one_callback_and_tell_the_others_it_was_waiting()
    {
        // The demo member asks for their own number, which needs no code, from eight screens.
        const string phone = "13800138000";
        var sessions = (await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => WebSession.SignIn(fixture.Web, phone)))).ToList();
        // Every form is read first, so the eight posts leave together.
        var forms = await Task.WhenAll(sessions.Select(CallbackForm.Open));
        var answers = await Task.WhenAll(forms.Select(f => f.Submit(phone)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var targets = answers.Select(a => a.Headers.Location!.OriginalString).ToList();
        Assert.Single(targets, t => !t.Contains("again=true"));
        Assert.Single(targets.Select(t => t.Split('&')[0]).Distinct());
        Assert.Equal(1L, await fixture.Deployment.Scalar<long>(
            "SELECT count(*) FROM call_record WHERE caller = $1 AND dialled = 'web-callback'", phone));

        var again = await sessions[0].Http.GetStringAsync(targets.First(t => t.Contains("again=true")));
        Assert.Contains("id=\"callback-already\"", again);
        Assert.Contains("该号码已有一条回呼请求在排队", again);
        foreach (var s in sessions) s.Dispose();
    }
}
