using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.BackOffice;

/// <summary>系统参数: a setting changed on the back office applies to the next order on every silo without a restart, and is audited.</summary>
public sealed class SystemSettingsTests
{
    [Fact]
    public async Task A_longer_accept_timeout_applies_to_the_next_offer_without_a_restart_and_a_bad_value_changes_nothing()
    {
        await using var deployment = await TestDeployment.Start(silos: 2, webHosts: 1);
        var web = deployment.WebHosts[0];
        using var admin = await WebSession.SignIn(web, "admin");
        using var agent = await WebSession.SignIn(web, "agent1");

        var before = await Offered(agent);
        Assert.InRange(before, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10.5)); // the configured 10 minutes

        var settings = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/settings");
        var values = JsonSerializer.Deserialize<Dictionary<string, object?>>(settings.GetProperty("values").GetRawText())!;
        Assert.Null(values["dutyPhone"]); // nobody's mobile until an operator gives one
        var bad = new Dictionary<string, object?>(values) { ["acceptTimeoutMinutes"] = 0, ["maxOfferAttempts"] = 99, ["dutyPhone"] = "037112345678" };
        var refused = await admin.Http.PutAsJsonAsync("/api/admin/settings", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("acceptTimeoutMinutes", out _) && errors.TryGetProperty("maxOfferAttempts", out _));
        Assert.Contains("座机收不到短信", errors.GetProperty("dutyPhone")[0].GetString());
        Assert.Equal(0, (await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/settings")).GetProperty("version").GetInt32());

        var changed = await admin.Http.PutAsJsonAsync("/api/admin/settings",
            new Dictionary<string, object?>(values) { ["acceptTimeoutMinutes"] = 45, ["dutyPhone"] = "13900007777" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await Eventually.True(() => Task.FromResult(deployment.Silos.All(silo =>
                silo.App.Services.GetRequiredService<HomeService.WorkOrders.WorkOrderOptions>() is { AcceptTimeout.TotalMinutes: 45, DutyPhone: "13900007777" })),
            TimeSpan.FromSeconds(10), "every silo has applied the new setting");
        var after = await Offered(agent);
        Assert.InRange(after, TimeSpan.FromMinutes(44), TimeSpan.FromMinutes(45.5));

        var audit = (await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=settings")).GetProperty("items")[0];
        Assert.Contains("\"acceptTimeoutMinutes\":10", audit.GetProperty("before").GetString()!.Replace(" ", ""));
        Assert.Contains("\"acceptTimeoutMinutes\":45", audit.GetProperty("after").GetString()!.Replace(" ", ""));
    }

    /// <summary>How long M001 has to accept an order the agent has just taken.</summary>
    private static async Task<TimeSpan> Offered(WebSession agent)
    {
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var orderNo = await OrderSteps.OfferedToM001(agent, new
        {
            contactPhone = "13612345678", category = "hourly", address = "金水区经三路 15 号", district = "金水区", windowStart = start, windowEnd = start.AddHours(2),
        });
        var view = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}");
        return view.GetProperty("offerExpiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow;
    }
}
