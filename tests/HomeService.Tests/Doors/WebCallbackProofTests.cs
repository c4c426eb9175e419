using System.Net;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Doors;

/// <summary>
/// Every website callback makes an agent dial the number, so the asker proves they hold it: a guest with an SMS code
/// sent to that number, a signed-in member by their own number. Nothing is queued for a number nobody proved.
/// </summary>
public sealed class WebCallbackProofTests(OneSiloDeployment fixture) : IClassFixture<OneSiloDeployment>
{
    private Task<long> CallsFor(string phone) =>
        fixture.Deployment.Scalar<long>("SELECT count(*) FROM call_record WHERE caller = $1 AND dialled = 'web-callback'", phone);

    [Fact]
    public async Task A_guest_is_called_back_only_after_proving_the_number_with_its_sms_code()
    {
        const string phone = "13955556601";
        using var guest = WebSession.Anonymous(fixture.Web, "zh-CN");
        var form = await CallbackForm.Open(guest);

        var noCode = await form.Submit(phone);
        Assert.Equal(HttpStatusCode.OK, noCode.StatusCode);
        Assert.Contains("请填写短信验证码", await noCode.Content.ReadAsStringAsync());

        var code = await DevSmsInbox.NextCode(fixture.Web, phone, async () =>
            Assert.Contains("验证码已发送", await (await form.SendCode(phone)).Content.ReadAsStringAsync()));
        var wrong = await form.Submit(phone, code: code == "000000" ? "111111" : "000000");
        Assert.Contains("短信验证码不正确", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(0L, await CallsFor(phone));

        var right = await form.Submit(phone, code: code);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.StartsWith("/callback?id=", right.Headers.Location!.OriginalString);
        Assert.Equal(1L, await CallsFor(phone));
        // A refresh of that post is the same request: the used code is not asked again, and nothing more is queued.
        Assert.Equal(right.Headers.Location, (await form.Submit(phone, code: code)).Headers.Location);
        Assert.Equal(1L, await CallsFor(phone));
    }

    [Fact]
    public async Task A_guest_cannot_ask_for_a_landline_which_takes_no_code_and_is_told_to_call_the_hotline()
    {
        using var guest = WebSession.Anonymous(fixture.Web, "en");
        var form = await CallbackForm.Open(guest);
        foreach (var answer in new[] { await form.SendCode("037166001234"), await form.Submit("037166001234", code: "123456") })
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("must be a mobile number", await answer.Content.ReadAsStringAsync());
        }
        Assert.Equal(0L, await CallsFor("037166001234"));
    }

    [Fact]
    public async Task A_member_needs_no_code_for_their_own_number_but_does_for_another()
    {
        using var member = await WebSession.SignIn(fixture.Web, "13800138000");
        var page = await member.Http.GetStringAsync("/callback");
        Assert.Contains("value=\"13800138000\"", page);
        Assert.Contains("id=\"callback-code-hint\"", page);

        var other = await (await CallbackForm.Open(member)).Submit("13955556602");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(0L, await CallsFor("13955556602"));
    }
}
