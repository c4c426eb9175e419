using HomeService.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace HomeService.Tests.Unit;

/// <summary>
/// What only HTTPS gets: HSTS, and every cookie marked Secure. The web host's own middleware on a test server, asked once
/// over https and once over http (the loopback tests elsewhere run on plain HTTP, where neither may be sent).
/// </summary>
public sealed class HttpsGuardsTests
{
    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)]
    public async Task Hsts_and_secure_cookies_come_with_https_only(string scheme, bool https)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseSecureCookies();
        app.MapGet("/", (HttpContext http) =>
        {
            http.Response.Cookies.Append("session", "x", new CookieOptions { HttpOnly = true });
            http.Response.Cookies.Append(".AspNetCore.Culture", "c=en|uic=en");
            return "ok";
        });
        await app.StartAsync();
        var client = app.GetTestServer().CreateClient();
        client.BaseAddress = new Uri($"{scheme}://homeservice.test/");

        var response = await client.GetAsync("/");
        response.EnsureSuccessStatusCode();
        Assert.Equal(https, response.Headers.Contains("Strict-Transport-Security"));
        if (https) Assert.Equal(SecurityHeaders.StrictTransportSecurity, Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, cookies.Count);
        Assert.All(cookies, c => Assert.Equal(https, c.Contains("; secure", StringComparison.OrdinalIgnoreCase)));
    }
}
