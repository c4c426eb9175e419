using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Web;

[Collection(SharedDeploymentCollection.Name)]
public sealed class ApiErrorTests(SharedDeployment shared)
{
    [Fact]
    public async Task Malformed_json_gets_a_400_problem_naming_where_it_broke_without_a_stack_trace()
    {
        using var supervisor = await WebSession.SignIn(shared.WebA, "supervisor");
        var response = await supervisor.Http.PostAsync("/api/broadcasts", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("urn:homeservice:problem:validation", problem.GetProperty("type").GetString());
        var field = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.EndsWith("的格式不正确。", field.Value[0].GetString());
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Fact]
    public async Task Invalid_broadcast_fields_are_named_in_the_callers_language_and_nothing_is_posted()
    {
        using var supervisor = await WebSession.SignIn(shared.WebA, "supervisor");
        var before = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/broadcasts");

        using var zh = new HttpRequestMessage(HttpMethod.Post, "/api/broadcasts") { Content = JsonContent.Create(new { text = "", minutes = 0 }) };
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await supervisor.Http.SendAsync(zh);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:homeservice:problem:validation", problem.GetProperty("type").GetString());
        Assert.Equal("请填写广播内容。", problem.GetProperty("errors").GetProperty("text")[0].GetString());
        Assert.Equal("显示时长（分钟）应在 1-1440 之间。", problem.GetProperty("errors").GetProperty("minutes")[0].GetString());

        using var en = new HttpRequestMessage(HttpMethod.Post, "/api/broadcasts") { Content = JsonContent.Create(new { text = new string('长', 501), minutes = 5 }) };
        en.Headers.AcceptLanguage.ParseAdd("en-US");
        var english = await (await supervisor.Http.SendAsync(en)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Message must be at most 500 characters.", english.GetProperty("errors").GetProperty("text")[0].GetString());

        var after = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/broadcasts");
        Assert.Equal(before.GetArrayLength(), after.GetArrayLength());
    }

    [Fact]
    public async Task Unknown_api_addresses_are_404_problems_and_unknown_pages_are_404()
    {
        using var anonymous = WebSession.Anonymous(shared.WebA);
        var api = await anonymous.Http.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("urn:homeservice:problem:not-found", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync("/no-such-page")).StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_report_alive_and_ready_and_openapi_documents_the_api()
    {
        using var anonymous = WebSession.Anonymous(shared.WebB);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal("Healthy", await anonymous.Http.GetStringAsync("/readyz"));
        using var siloHttp = new HttpClient { BaseAddress = shared.Deployment.Silos[0].BaseAddress };
        Assert.Equal("Healthy", await siloHttp.GetStringAsync("/readyz"));

        var openApi = await anonymous.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/broadcasts", out _));
        Assert.True(paths.TryGetProperty("/api/session", out _));
    }

    [Fact]
    public async Task The_catalogue_lists_the_centers_nine_service_groups()
    {
        using var anonymous = WebSession.Anonymous(shared.WebA);
        var catalogue = await anonymous.Http.GetFromJsonAsync<JsonElement>("/api/catalogue");
        Assert.Equal(9, catalogue.GetArrayLength());
        var domestic = catalogue.EnumerateArray().First(c => c.GetProperty("code").GetString() == "domestic");
        Assert.Equal("家政服务", domestic.GetProperty("nameZh").GetString());
        Assert.Contains(domestic.GetProperty("children").EnumerateArray(), c => c.GetProperty("nameZh").GetString() == "月嫂");
    }
}
