using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Merchants;

/// <summary>Service staff management (服务人员管理): add, find with filters, edit, deactivate without losing history.</summary>
public sealed class StaffManagementTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task A_merchant_adds_finds_edits_and_deactivates_a_worker_who_then_cannot_be_sent()
    {
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var bad = await merchant.Http.PostAsJsonAsync("/api/merchant/workers", new { name = "", phone = "0371", skills = new[] { "moonwalk" } });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["name", "phone", "skills"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal("请填写姓名。", errors.GetProperty("name")[0].GetString());

        var added = await merchant.Http.PostAsJsonAsync("/api/merchant/workers",
            new { name = "欧阳丽", phone = "139 0371 0099", skills = new[] { "hourly", "home-clean" }, languages = new[] { "普通话", "河南话" }, yearsOfExperience = 6 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var worker = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("worker");
        var id = worker.GetProperty("workerId").GetString()!;
        Assert.Equal(("OffDuty", "Yellow"), (worker.GetProperty("status").GetString(),
            (await merchant.Http.GetFromJsonAsync<JsonElement>($"/api/merchant/workers/{id}/profile")).GetProperty("safety").GetProperty("color").GetString()));

        var found = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/workers?q=欧阳&skill=home-clean");
        Assert.Equal([id], found.EnumerateArray().Select(w => w.GetProperty("workerId").GetString()));
        Assert.Equal("13903710099", found[0].GetProperty("phone").GetString());
        using var merchant2 = await WebSession.SignIn(Web, "merchant2");
        Assert.Empty((await merchant2.Http.GetFromJsonAsync<JsonElement>("/api/merchant/workers?q=欧阳")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await merchant2.Http.PutAsJsonAsync($"/api/merchant/workers/{id}",
            new { name = "欧阳丽", phone = "13903710099", skills = new[] { "hourly" } })).StatusCode);

        var edited = await merchant.Http.PutAsJsonAsync($"/api/merchant/workers/{id}", new { name = "欧阳丽华", phone = "13903710099", skills = new[] { "hourly" } });
        Assert.Equal("欧阳丽华", (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("worker").GetProperty("name").GetString());

        var gone = await merchant.Http.PostAsJsonAsync($"/api/merchant/workers/{id}/deactivate", new { reason = "合同到期" });
        Assert.False((await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("worker").GetProperty("active").GetBoolean());
        Assert.Empty((await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/workers?q=欧阳&active=true")).EnumerateArray());
        Assert.Single((await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/workers?q=欧阳&active=false")).EnumerateArray());
        var back = await merchant.Http.PostAsJsonAsync($"/api/merchant/workers/{id}/status", new { status = "Available" });
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.Equal(1L, await _deployment.Scalar<long>("SELECT count(*) FROM worker WHERE id = $1", id)); // never deleted
    }

    [Fact]
    public async Task A_worker_brought_over_under_their_known_id_is_checked_like_a_new_one_and_the_next_worker_is_numbered_past_it()
    {
        var registry = _deployment.Silos[0].Grains.GetGrain<HomeService.Workers.IWorkerRegistryGrain>(0);
        var details = new HomeService.Workers.WorkerDetails("欧阳丽", "13903710098", ["hourly"], [], 3);
        Assert.Equal(["format"], (await registry.RegisterAs("M1001", "M001", details, "system:import")).Errors!["workerId"]);
        Assert.Equal(["exists"], (await registry.RegisterAs("W001", "M001", details, "system:import")).Errors!["workerId"]);
        Assert.Equal(["format:phone"], (await registry.RegisterAs("W1001", "M001", details with { Phone = "0371" }, "system:import")).Errors!["phone"]);
        var imported = await registry.RegisterAs("W1001", "M001", details, "system:import");
        Assert.Equal(("W1001", "M001", "OffDuty"), (imported.Value!.Worker.WorkerId, imported.Value.Worker.MerchantId, imported.Value.Worker.Status.ToString()));

        // The merchant's next worker would have been W1001: the sequence steps over the number the import took.
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var added = await merchant.Http.PostAsJsonAsync("/api/merchant/workers", new { name = "钱芳", phone = "13903710097", skills = new[] { "hourly" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("W1002", (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("worker").GetProperty("workerId").GetString());
    }
}
