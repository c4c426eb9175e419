using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.BackOffice;

/// <summary>
/// 班组 and 部门 over the admin API and pages on the shared deployment: a team led by a supervisor gets a seat, an unknown
/// or retired team is a field error that changes nothing, a new department is offered to agents for 转办 at once and names
/// the orders sent to it, a retired one is no longer offered while its orders keep its name, and every change is in the
/// audit log with its before and after.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class TeamsAndDepartmentsTests(SharedDeployment shared)
{
    [Fact]
    public async Task A_team_with_a_supervisor_is_created_and_a_seat_assigned_to_it_counts_as_its_member()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var supervisor = await NewSupervisor(admin, "吴班长");
        var team = TeamId();

        var created = await admin.Http.PostAsJsonAsync("/api/admin/call-center/teams", new { teamId = team, name = $"夜班{team}", supervisorLogin = supervisor });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var seat = SeatId();
        var seated = await admin.Http.PostAsJsonAsync("/api/admin/call-center/seats", Seat(seat, team));
        Assert.True(seated.StatusCode == HttpStatusCode.OK, await seated.Content.ReadAsStringAsync());

        // Another web host lists it with its supervisor's name and one seat, on the API and on the admin page.
        using var adminB = await WebSession.SignIn(shared.WebB, "admin");
        var row = await Team(adminB, team);
        Assert.Equal(supervisor, row.GetProperty("supervisorLogin").GetString());
        Assert.Equal("吴班长", row.GetProperty("supervisorName").GetString());
        Assert.Equal(1, row.GetProperty("members").GetInt32());
        Assert.True(row.GetProperty("active").GetBoolean());
        var page = await adminB.Http.GetStringAsync("/admin/call-center/teams");
        Assert.Contains($"data-team=\"{team}\"", page);
        Assert.Contains($"吴班长 ({supervisor})", page);

        // The seat names it, and so can the supervisor's own account.
        var seats = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/call-center/seats");
        Assert.Equal(team, seats.EnumerateArray().Single(s => s.GetProperty("agentId").GetString() == seat).GetProperty("teamId").GetString());
        var account = await admin.Http.PutAsJsonAsync($"/api/admin/accounts/{supervisor}", new { displayName = "吴班长", roles = new[] { "Supervisor" }, teamId = team });
        Assert.True(account.StatusCode == HttpStatusCode.OK, await account.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_or_retired_team_is_a_field_error_and_nothing_changes()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var seat = SeatId();
        await Refused(admin.Http.PostAsJsonAsync("/api/admin/call-center/seats", Seat(seat, "NOSUCHTEAM")), "teamId", "班组不存在。");
        var seats = await admin.Http.GetStringAsync("/api/admin/call-center/seats");
        Assert.DoesNotContain(seat, seats);
        var before = await admin.Http.GetStringAsync("/api/admin/call-center/teams");
        await Refused(admin.Http.PutAsJsonAsync("/api/admin/call-center/seats/A003",
            new { name = "马超", extension = "8003", skills = new Dictionary<string, int> { ["service"] = 3 }, teamId = "NOSUCHTEAM" }), "teamId", "班组不存在。");
        await Refused(admin.Http.PutAsJsonAsync("/api/admin/accounts/supervisor", new { displayName = "周敏", roles = new[] { "Supervisor" }, teamId = "NOSUCHTEAM" }),
            "teamId", "班组不存在。");
        Assert.Equal(seats, await admin.Http.GetStringAsync("/api/admin/call-center/seats"));
        Assert.Equal(before, await admin.Http.GetStringAsync("/api/admin/call-center/teams"));

        // A team needs an id of its own and a supervisor who is one; nothing is created otherwise.
        var team = TeamId();
        await Refused(admin.Http.PostAsJsonAsync("/api/admin/call-center/teams", new { teamId = team, name = "早班", supervisorLogin = "agent1" }),
            "supervisorLogin", "班长须是有“班长”角色的员工账号。");
        await Refused(admin.Http.PostAsJsonAsync("/api/admin/call-center/teams", new { teamId = team, name = "早班", supervisorLogin = "nobody-here" }),
            "supervisorLogin", "班长不存在。");
        await Refused(admin.Http.PostAsJsonAsync("/api/admin/call-center/teams", new { teamId = "T1", name = "早班", supervisorLogin = "supervisor" }),
            "teamId", "班组编号已存在。");
        Assert.Equal(before, await admin.Http.GetStringAsync("/api/admin/call-center/teams"));

        // A retired team takes no new seat, though the seats already in it keep it.
        var supervisor = await NewSupervisor(admin, "郑班长");
        Assert.Equal(HttpStatusCode.Created,
            (await admin.Http.PostAsJsonAsync("/api/admin/call-center/teams", new { teamId = team, name = $"早班{team}", supervisorLogin = supervisor })).StatusCode);
        var member = SeatId();
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync("/api/admin/call-center/seats", Seat(member, team))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"/api/admin/call-center/teams/{team}", new { active = false })).StatusCode);
        await Refused(admin.Http.PostAsJsonAsync("/api/admin/call-center/seats", Seat(SeatId(), team)), "teamId", "班组已停用，不能选择。");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"/api/admin/call-center/seats/{member}", Seat(member, team, "新名字"))).StatusCode);
        Assert.Equal(1, (await Team(admin, team)).GetProperty("members").GetInt32());
    }

    [Fact]
    public async Task The_team_page_shows_errors_at_the_field_in_chinese_and_in_english()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var zh = await PostTeamForm(admin);
        Assert.Contains("班组编号须为 1–16 位字母、数字或 -，不以 - 开头。", zh);
        Assert.Contains("请填写班组名称。", zh);
        Assert.Contains("班长须是有“班长”角色的员工账号。", zh);

        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await PostTeamForm(admin);
        Assert.Contains("Team id must be 1–16 letters, digits or -, not starting with -.", en);
        Assert.Contains("Team name is required.", en);
        Assert.Contains("Supervisor must be a staff account with the Supervisor role.", en);
        Assert.DoesNotContain("data-team=\"bad id!\"", en);
    }

    [Fact]
    public async Task A_new_department_is_offered_for_forwarding_and_the_orders_sent_to_it_show_its_name()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var (code, name) = await NewDepartment(admin);

        // An agent on the other web host is offered it at once, among the departments every center starts with.
        using var agent = await WebSession.SignIn(shared.WebB, "agent2");
        var offered = await Departments(agent);
        Assert.Equal(name, offered[code]);
        Assert.Equal("质量监督部", offered["quality"]);

        var complaint = await NewComplaint(agent);
        await Step(agent, complaint, "assign", new { party = $"department:{code}" });
        Assert.Equal(name, (await ComplaintRow(agent, complaint)).GetProperty("partyName").GetString());
        // The departments every center had before keep their names on the desk too.
        var earlier = await NewComplaint(agent);
        await Step(agent, earlier, "assign", new { party = "department:quality" });
        Assert.Equal("质量监督部", (await ComplaintRow(agent, earlier)).GetProperty("partyName").GetString());

        // A consultation can be forwarded (转办) to it as well; one that does not exist is a field error.
        var consultation = await NewConsultation(agent);
        await Refused(agent.Http.PostAsJsonAsync($"/api/orders/{consultation}/forward", new { to = "department:no-such-dept" }), "to", "转办对象不存在。");
        Assert.Equal("Forwarded", (await Step(agent, consultation, "forward", new { to = $"department:{code}" })).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_retired_department_is_no_longer_offered_but_its_orders_keep_its_name()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var (code, name) = await NewDepartment(admin);
        using var agent = await WebSession.SignIn(shared.WebB, "agent2");
        var complaint = await NewComplaint(agent);
        await Step(agent, complaint, "assign", new { party = $"department:{code}" });

        var retired = await admin.Http.PutAsJsonAsync($"/api/admin/call-center/departments/{code}", new { active = false });
        Assert.True(retired.StatusCode == HttpStatusCode.OK, await retired.Content.ReadAsStringAsync());

        Assert.False((await Departments(agent)).ContainsKey(code));
        Assert.Equal(name, (await ComplaintRow(agent, complaint)).GetProperty("partyName").GetString());
        var another = await NewComplaint(agent);
        await Refused(agent.Http.PostAsJsonAsync($"/api/orders/{another}/assign", new { party = $"department:{code}" }), "party", "责任方已停用，不能选择。");
        Assert.Equal("Registered", (await ComplaintRow(agent, another)).GetProperty("status").GetString());
        var list = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/call-center/departments");
        Assert.False(list.EnumerateArray().Single(d => d.GetProperty("code").GetString() == code).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Every_change_to_a_team_or_a_department_has_its_audit_line_with_before_and_after()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var supervisor = await NewSupervisor(admin, "冯班长");
        var team = TeamId();
        Assert.Equal(HttpStatusCode.Created,
            (await admin.Http.PostAsJsonAsync("/api/admin/call-center/teams", new { teamId = team, name = $"中班{team}", supervisorLogin = "supervisor" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await admin.Http.PutAsJsonAsync($"/api/admin/call-center/teams/{team}", new { name = $"晚班{team}", supervisorLogin = supervisor })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"/api/admin/call-center/teams/{team}", new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"/api/admin/call-center/teams/{team}", new { active = true })).StatusCode);

        var teamLines = await Audit(admin, team);
        var create = teamLines["team.create"];
        Assert.Equal("admin:admin", create.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, create.GetProperty("before").ValueKind);
        Assert.Contains($"中班{team}", create.GetProperty("after").GetString());
        var update = teamLines["team.update"];
        Assert.Contains($"中班{team}", update.GetProperty("before").GetString());
        Assert.Contains("\"supervisor\"", update.GetProperty("before").GetString());
        Assert.Contains($"晚班{team}", update.GetProperty("after").GetString());
        Assert.Contains($"\"{supervisor}\"", update.GetProperty("after").GetString());
        Assert.Contains("\"active\":true", Compact(teamLines["team.retire"].GetProperty("before")));
        Assert.Contains("\"active\":false", Compact(teamLines["team.retire"].GetProperty("after")));
        Assert.Contains("\"active\":true", Compact(teamLines["team.reinstate"].GetProperty("after")));

        var (code, name) = await NewDepartment(admin);
        Assert.Equal(HttpStatusCode.OK,
            (await admin.Http.PutAsJsonAsync($"/api/admin/call-center/departments/{code}", new { nameZh = $"{name}办", nameEn = $"Office {code}" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"/api/admin/call-center/departments/{code}", new { active = false })).StatusCode);
        var lines = await Audit(admin, code);
        Assert.Equal(JsonValueKind.Null, lines["department.create"].GetProperty("before").ValueKind);
        Assert.Contains(name, lines["department.create"].GetProperty("after").GetString());
        Assert.Contains($"\"{name}\"", lines["department.update"].GetProperty("before").GetString());
        Assert.Contains($"\"{name}办\"", lines["department.update"].GetProperty("after").GetString());
        Assert.Contains("\"active\":false", Compact(lines["department.retire"].GetProperty("after")));
        Assert.All(lines.Values, l => Assert.Equal("admin:admin", l.GetProperty("actor").GetString()));
    }

    private static string TeamId() => $"Q{Guid.NewGuid():N}"[..10];

    private static string SeatId() => $"S{Guid.NewGuid():N}"[..12];

    private static object Seat(string agentId, string? teamId, string name = "测试座席") => new
    {
        agentId, name, extension = $"7{Random.Shared.Next(10_000_000, 99_999_999)}", skills = new Dictionary<string, int> { ["service"] = 2 }, teamId,
    };

    private static async Task<string> NewSupervisor(WebSession admin, string name)
    {
        var login = $"sup{Guid.NewGuid():N}"[..14];
        var response = await admin.Http.PostAsJsonAsync("/api/admin/accounts", new { login, displayName = name, roles = new[] { "Supervisor" } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return login;
    }

    private static async Task<(string Code, string Name)> NewDepartment(WebSession admin)
    {
        var code = $"d{Guid.NewGuid():N}"[..10];
        var name = $"法务部{code[1..5]}";
        var response = await admin.Http.PostAsJsonAsync("/api/admin/call-center/departments", new { code, nameZh = name, nameEn = $"Legal {code}" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (code, name);
    }

    private static async Task<JsonElement> Team(WebSession admin, string teamId) =>
        (await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/call-center/teams")).EnumerateArray().Single(t => t.GetProperty("teamId").GetString() == teamId);

    private static async Task<Dictionary<string, string>> Departments(WebSession agent) =>
        (await agent.Http.GetFromJsonAsync<JsonElement>("/api/work-queues/departments")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("code").GetString()!, d => d.GetProperty("name").GetString()!);

    private static async Task<string> NewComplaint(WebSession agent)
    {
        var response = await agent.Http.PostAsJsonAsync("/api/complaints",
            new { contactName = "陈先生", contactPhone = "13700137000", severity = "low", description = "服务人员没有带工具" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
    }

    private static async Task<string> NewConsultation(WebSession agent)
    {
        var response = await agent.Http.PostAsJsonAsync("/api/consultations", new { contactPhone = "13700137000", text = "家政合同纠纷怎么处理？" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
    }

    private static async Task<JsonElement> Step(WebSession agent, string orderNo, string step, object body)
    {
        var response = await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/{step}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ComplaintRow(WebSession agent, string orderNo) =>
        (await agent.Http.GetFromJsonAsync<JsonElement>("/api/work-queues/complaints")).EnumerateArray().Single(c => c.GetProperty("orderNo").GetString() == orderNo);

    private static async Task Refused(Task<HttpResponseMessage> request, string field, string message)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {body}");
        Assert.Equal(message, messages[0].GetString());
    }

    /// <summary>Posts the new-team form as a browser would: a bad id, no name, and an agent for a supervisor.</summary>
    private static async Task<string> PostTeamForm(WebSession admin)
    {
        var token = await admin.AntiforgeryToken("/admin/call-center/teams");
        var response = await admin.Http.PostAsync("/admin/call-center/teams?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["New.TeamId"] = "bad id!", ["New.Name"] = "", ["New.SupervisorLogin"] = "agent1",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The latest audit line of each action about <paramref name="targetId"/>.</summary>
    private static async Task<Dictionary<string, JsonElement>> Audit(WebSession admin, string targetId) =>
        (await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?q={targetId}")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("targetId").GetString() == targetId)
            .GroupBy(e => e.GetProperty("action").GetString()!).ToDictionary(g => g.Key, g => g.First());

    private static string Compact(JsonElement json) => JsonSerializer.Serialize(JsonDocument.Parse(json.GetString()!).RootElement);
}
