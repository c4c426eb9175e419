using System.Net;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Web;

[Collection(SharedDeploymentCollection.Name)]
public sealed class DashboardTests(SharedDeployment shared)
{
    [Fact]
    public async Task The_silo_dashboard_renders_for_an_admin_only()
    {
        var silo = shared.Deployment.Silos[0].BaseAddress;
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = silo };
        var redirected = await anonymous.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.EndsWith("/login?returnUrl=%2Fadmin", redirected.Headers.Location!.OriginalString);

        // The web host's sign-in cookie is read by the silo: same cookie name, same key ring.
        using var agent = await WebSession.SignIn(shared.WebA, "agent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(silo, agent, "/dashboard/")).StatusCode);

        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var page = await Get(silo, admin, "/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpResponseMessage> Get(Uri silo, WebSession session, string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = silo };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", session.CookieHeader);
        return await http.SendAsync(request);
    }
}
