using System.Net;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Web;

[Collection(SharedDeploymentCollection.Name)]
public sealed class DashboardTests(SharedDeployment shared)
{
    [Fact]
    public async Task The_silo_dashboard_renders_for_supervisors_and_admins_and_sends_anyone_else_to_our_refusal_page()
    {
        var silo = shared.Deployment.Silos[0].BaseAddress;
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = silo };
        var redirected = await anonymous.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.EndsWith("/login?returnUrl=%2Fadmin", redirected.Headers.Location!.OriginalString);

        // The web host's sign-in cookie is read by the silo: same cookie name, same key ring. An agent is refused on the
        // web host's page (our layout and a way back), not with a bare 403.
        using var agent = await WebSession.SignIn(shared.WebA, "agent1");
        var refused = await Get(silo, agent, "/dashboard/");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.EndsWith("/denied?from=dashboard", refused.Headers.Location!.OriginalString);

        foreach (var login in new[] { "supervisor", "admin" })
        {
            using var session = await WebSession.SignIn(shared.WebA, login);
            var page = await Get(silo, session, "/dashboard/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task<HttpResponseMessage> Get(Uri silo, WebSession session, string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = silo };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", session.CookieHeader);
        return await http.SendAsync(request);
    }
}
