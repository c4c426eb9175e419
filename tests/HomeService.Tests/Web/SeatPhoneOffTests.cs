using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Web;

/// <summary>A center on the simulated switch has no browser phone: the console shows none and the API says why.</summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class SeatPhoneOffTests(SharedDeployment shared)
{
    [Fact]
    public async Task Without_the_sip_gateway_there_is_no_phone_credential_and_no_phone_on_the_console()
    {
        using var agent = await WebSession.SignIn(shared.WebA, "agent3");
        var response = await agent.Http.PostAsync("/api/console/phone", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("本中心未接入 SIP 交换机，没有浏览器话机。", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var console = await agent.Http.GetStringAsync("/console");
        Assert.Contains("id=\"seat-status\"", console);
        Assert.DoesNotContain("id=\"phone\"", console);
        Assert.DoesNotContain("jssip", console);
    }
}
