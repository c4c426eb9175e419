using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomeService.CallCenter;
using HomeService.EventLog;
using HomeService.Catalogue;
using HomeService.Identity;
using HomeService.Merchants;
using HomeService.Places;
using HomeService.Workers;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace HomeService.Silo.Seeding;

/// <summary>
/// Fills an empty database with the demo center, once. Runs after the silo is up (accounts are grains).
/// An advisory lock and the "any user yet?" check keep concurrent silos from seeding twice.
/// </summary>
public sealed class DemoSeeder(
    NpgsqlDataSource dataSource,
    IEventLog log,
    IGrainFactory grains,
    SiloSettings settings,
    IConfiguration config,
    TimeProvider clock,
    HomeService.Credit.CreditPolicy creditPolicy,
    ILogger<DemoSeeder> logger) : IHostedService
{
    private const long LockKey = 0x486F6D6553656564; // "HomeSeed"
    private const string Actor = "system:seed";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task StartAsync(CancellationToken ct)
    {
        if (!settings.SeedDemoData) return;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", conn)) await lockCmd.ExecuteNonQueryAsync(ct);
        try
        {
            await using var check = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM app_user)", conn);
            if ((bool)(await check.ExecuteScalarAsync(ct))!)
            {
                // A demo database seeded before districts were data gets them now, so its orders keep finding their districts.
                if ((await grains.GetGrain<ICityPlacesGrain>(0).GetAll()).Districts.Count == 0) await SeedPlaces();
                return;
            }
            await SeedCatalogue();
            await SeedPlaces();
            await SeedMerchants();
            await SeedWorkers();
            await SeedOperations();
            await SeedMembersAndHistory();
            await SeedLogins();
            await SeedApiKeys();
            await DemoArticles.Seed(grains, Actor);
            logger.LogInformation("Demo data seeded: {Logins} logins with password {Password}",
                string.Join(", ", DemoData.Logins.Select(l => $"{l.Login} ({l.Role})")), settings.DemoPassword);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", conn);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The demo data is ours: a command that refuses it is a defect to fix, not something to skip.</summary>
    private static void Check<T>(CommandResult<T> result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"The demo {what} was refused: {string.Join("; ", result.Errors!.Select(e => $"{e.Key}: {string.Join(",", e.Value)}"))}");
    }

    /// <summary>The catalogue through the catalogue grain's own commands, the ones the admin pages use.</summary>
    private async Task SeedCatalogue()
    {
        var catalogue = grains.GetGrain<IServiceCatalogueGrain>(0);
        var order = 0;
        foreach (var top in ServiceCatalogue.Tree)
        {
            Seeded(await catalogue.Add(new NewCategory(top.Code, null, top.NameZh, top.NameEn, ++order, null), Actor), top.Code);
            foreach (var child in top.Children)
                Seeded(await catalogue.Add(new NewCategory(child.Code, top.Code, child.NameZh, child.NameEn, ++order, ServiceCatalogueTerms.For(child.Code)),
                    Actor), child.Code);
        }
    }

    /// <summary>The city's districts and streets through the places grain's commands, the ones the admin pages use.</summary>
    private async Task SeedPlaces()
    {
        var places = grains.GetGrain<ICityPlacesGrain>(0);
        foreach (var d in DemoPlaces.All)
        {
            Seeded(await places.AddDistrict(new NewDistrict(d.Code, d.NameZh, d.NameEn, null), Actor), d.Code);
            foreach (var (zh, en) in d.Streets) Seeded(await places.AddStreet(d.Code, new StreetNames(zh, en), Actor), $"{d.Code}/{zh}");
        }
    }

    private static void Seeded<T>(CommandResult<T> result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo data {what} was refused: {string.Join("; ", result.Errors!.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
    }

    /// <summary>
    /// The demo merchants apply as a company does on /join and are approved as an admin does on /admin/merchants (which also
    /// opens each one's administrator login, m001…, with a set-password link), under the ids the demo has always had. Their
    /// ratings from the center's earlier system then give each its credit score and level: no product command enters
    /// past ratings, so those stay an import of credit events (see <see cref="CreditHistory"/>), and the merchant hears its
    /// score through the scorer's command.
    /// </summary>
    private async Task SeedMerchants()
    {
        foreach (var m in DemoData.Merchants)
        {
            var application = new MerchantApplication(m.Name, m.CreditCode, m.LegalPerson, m.LegalPerson, m.Phone, m.Address, m.District, m.Categories,
                m.Districts, []);
            Seeded(await grains.GetGrain<IMerchantRegistryGrain>(0).ApplyAs(m.Id, application, Actor), $"merchant {m.Id}");
            var merchant = grains.GetGrain<IMerchantGrain>(m.Id);
            Seeded(await merchant.Review(true, DemoData.AdmissionReason, Actor), $"approval of {m.Id}");
            var (score, history) = CreditHistory(m);
            await log.AppendAsync(history);
            await merchant.CreditScored(score);
        }
    }

    /// <summary>
    /// The demo workers, added as a merchant administrator adds them on /merchant under the ids the demo has always had, with
    /// their credentials on file and on duty: the demo day is under way (W002's health certificate runs out within the
    /// month: yellow; W003's has run out: yellow and not to be sent).
    /// </summary>
    private async Task SeedWorkers()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        foreach (var w in DemoData.Workers)
        {
            Seeded(await grains.GetGrain<IWorkerRegistryGrain>(0).RegisterAs(w.Id, w.MerchantId, new WorkerDetails(w.Name, w.Phone, w.Skills, [], 0), Actor),
                $"worker {w.Id}");
            var worker = grains.GetGrain<IWorkerGrain>(w.Id);
            var credentials = new CredentialsUpdate(DemoData.IdNumber(w.Id), today.AddDays(-200), today.AddDays(w.QualificationDaysLeft),
                [new Training("家政服务员（初级）", "郑州市人力资源和社会保障局", today.AddDays(-300))], true, today.AddDays(-210));
            Seeded(await worker.RecordCredentials(w.MerchantId, credentials, Actor), $"credentials of {w.Id}");
            Seeded(await worker.SetStatus(w.MerchantId, WorkerStatus.Available, Actor), $"status of {w.Id}");
        }
    }

    private async Task SeedOperations()
    {
        // Seats and queues through the directory's commands, as an admin makes them on /admin/call-center.
        var directory = grains.GetGrain<HomeService.CallCenter.ICallCenterDirectoryGrain>(0);
        foreach (var a in DemoData.Agents)
            Check(await directory.CreateAgent(new HomeService.CallCenter.AgentProfile(a.Id, a.Name, a.Extension, a.Skills), Actor), $"seat {a.Id}");
        foreach (var q in DemoData.Queues)
        {
            if (!HomeService.CallCenter.RoutingStrategies.TryParse(q.Strategy, out var strategy)) throw new InvalidOperationException(q.Strategy);
            var config = new HomeService.CallCenter.QueueConfig(q.Id, q.NameZh, q.NameEn, strategy,
                q.Tiers.Select(t => new HomeService.CallCenter.ExpansionTier(t.After, t.Skill, t.Min)).ToList(), 20, 3, q.WrapUpSeconds, 300, null, true, 30, []);
            Check(await directory.CreateQueue(config, Actor), $"queue {q.Id}");
        }
        await SeedHotlines();
        // The main hotline answers with the platform IVR of the center's documents (version 1), published through the command
        // the IVR editor uses; a switch that runs its own IVR still sends the caller's choice with the offer and the routes above apply.
        Check(await grains.GetGrain<IIvrFlowGrain>(DemoData.Hotline).Publish(HomeService.CallCenter.Ivr.DefaultIvrFlow.Definition, null, Actor),
            $"IVR flow of {DemoData.Hotline}");
    }

    /// <summary>
    /// The hotline and the website's callback "number" with their routes, and the official holiday calendars, through the
    /// commands the admin pages use. The demo center answers around the clock, so demos and tests work at any hour; a
    /// real center sets its hours on /admin/call-center/hotlines.
    /// </summary>
    private async Task SeedHotlines()
    {
        foreach (var number in DemoData.Routes.Select(r => r.Dialled).Distinct())
        {
            var routes = DemoData.Routes.Where(r => r.Dialled == number).Select(r => new RouteRule(r.IvrChoice, r.QueueId, r.Priority)).ToList();
            var name = number == DemoData.Hotline ? "家政服务热线" : "网上回呼请求";
            var saved = await grains.GetGrain<IHotlineGrain>(number).Save(AllDay(name, routes), null, Actor);
            if (!saved.Succeeded) throw new InvalidOperationException($"Demo hotline {number}: {string.Join(", ", saved.Errors!.Select(e => $"{e.Key} {e.Value[0]}"))}");
        }
        foreach (var year in DemoCalendar.Years)
        {
            var saved = await grains.GetGrain<IHolidayCalendarGrain>(0).SaveYear(year, null, Actor);
            if (!saved.Succeeded) throw new InvalidOperationException($"Demo calendar {year.Year}: {string.Join(", ", saved.Errors!.Select(e => $"{e.Key} {e.Value[0]}"))}");
        }
    }

    /// <summary>A demo number's settings: open all day on every kind of day, voicemail if an admin narrows the hours.</summary>
    private static HotlineSettings AllDay(string name, IReadOnlyList<RouteRule> routes) =>
        new(name, IvrAnswers: true, routes, "00:00-24:00", "00:00-24:00", "00:00-24:00", ClosedActions.Voicemail, "", null, "", BlockWithheld: false);

    /// <summary>
    /// The demo callers and their past orders, brought over from the center's earlier records as an operator migrating
    /// history would: members through the web's registration would get a web login by phone (the demo's callers have none,
    /// so a registration can take them over) and no command sets VIP; past orders are an import (WorkOrderImported).
    /// </summary>
    private async Task SeedMembersAndHistory()
    {
        foreach (var m in DemoData.Members)
            await Append("member", m.Id, "MemberRegistered", m, new ReadModelWrite(
                "INSERT INTO member (id, name, phone, vip, addresses) VALUES ($1, $2, $3, $4, $5)", m.Id, m.Name, m.Phone, m.Vip, m.Addresses));
        var now = clock.GetUtcNow();
        foreach (var o in DemoData.PastOrders)
            await Append("work_order", o.OrderNo, "WorkOrderImported", o, new ReadModelWrite("""
                INSERT INTO work_order (order_no, kind, category_code, status, open, member_id, contact_phone, agent_id, merchant_id, created_at, closed_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """, o.OrderNo, o.Kind, o.Category, o.Status, o.Open, o.MemberId, o.Phone, o.AgentId, o.MerchantId, now.AddDays(-o.DaysAgo),
                o.Open ? null : now.AddDays(-o.DaysAgo + 1)));
    }

    private async Task SeedLogins()
    {
        var hasher = new PasswordHasher<UserAccount>();
        foreach (var l in DemoData.Logins)
        {
            var account = new UserAccount(Guid.NewGuid(), l.Login, l.DisplayName, [l.Role], "", l.AgentId, l.MerchantId, l.WorkerId, l.MemberId, false);
            account = account with { PasswordHash = hasher.HashPassword(account, settings.DemoPassword) };
            await grains.GetGrain<IUserAccountGrain>(l.Login).Create(account, Actor);
        }
        // The demo supervisor leads the team every demo seat is in, through the commands /admin/call-center/teams and the seat page use.
        var directory = grains.GetGrain<ICallCenterDirectoryGrain>(0);
        Check(await directory.CreateTeam(new Team(DemoData.Team, "话务一班", "supervisor", true), Actor), $"team {DemoData.Team}");
        foreach (var a in DemoData.Agents)
            Check(await directory.UpdateAgent(new AgentProfile(a.Id, a.Name, a.Extension, a.Skills, DemoData.Team), Actor), $"seat {a.Id} in {DemoData.Team}");
    }

    /// <summary>
    /// Demo keys come from configuration so the simulated switch and partner samples can use them. They are issued through
    /// the key grain's Issue, the command the back office uses; the demo partner's id is its key id, as before partner ids.
    /// </summary>
    private async Task SeedApiKeys()
    {
        foreach (var (kind, name) in new[] { (ApiKeyKinds.Telephony, "Simulated switch"), (ApiKeyKinds.Partner, "Demo partner") })
        {
            var key = config[$"HomeService:Seed:ApiKeys:{kind}"];
            if (string.IsNullOrEmpty(key)) continue;
            var dot = key.IndexOf('.');
            if (dot <= 0) throw new InvalidOperationException($"HomeService:Seed:ApiKeys:{kind} must look like <id>.<secret>.");
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key[(dot + 1)..]));
            var request = new ApiKeyRequest(name, kind, kind == ApiKeyKinds.Partner ? key[..dot] : null, null);
            var result = await grains.GetGrain<IApiKeyGrain>(key[..dot]).Issue(request, hash, Actor);
            if (!result.Succeeded && !(result.Errors!.TryGetValue("keyId", out var codes) && codes.Contains("exists")))
                throw new InvalidOperationException($"HomeService:Seed:ApiKeys:{kind} was refused: {string.Join(", ", result.Errors!.Select(e => $"{e.Key} {string.Join("/", e.Value)}"))}.");
        }
    }

    /// <summary>
    /// The demo merchant's past ratings (from the center's previous system) as credit events, with the score and
    /// hearts-and-diamonds level they give on the merchant's row: a ledger like any later change, not a number typed in.
    /// </summary>
    private (int Score, EventAppend History) CreditHistory(DemoData.Merchant m)
    {
        var now = clock.GetUtcNow();
        var account = new HomeService.Credit.CreditAccount(new HomeService.Credit.CreditLedger(), creditPolicy);
        var ratings = DemoData.PastRatings(m.Id);
        var records = new List<EventRecord>();
        var changes = new List<HomeService.Credit.CreditChange>();
        for (var i = 0; i < ratings.Count; i++)
        {
            var at = now.AddDays(-300 + i * 300.0 / ratings.Count);
            changes.Add(account.Rate(ratings[i], $"import#{i + 1}", at));
            var input = new HomeService.Credit.CreditInput("rating", $"import#{i + 1}", at, Stars: ratings[i]);
            records.Add(new EventRecord("credit", $"merchant:{m.Id}", i + 1, "CreditEntered",
                JsonSerializer.Serialize(new HomeService.Credit.CreditEntered(0, input, 0, at), Json), Actor, now));
        }
        var score = (int)Math.Round(account.ScoreAt(now));
        // The explanation rows too, so the credit page lists the imported ratings and draws their trend.
        var explained = new ReadModelWrite("""
            INSERT INTO credit_change (subject_kind, subject_id, at, reason, source, score_before, score_after, level_points)
            SELECT 'merchant', $1, c.at, 'Rating', c.source, c.before, c.after, c.points
            FROM unnest($2::timestamptz[], $3::text[], $4::numeric[], $5::numeric[], $6::int[]) AS c(at, source, before, after, points)
            """, m.Id, changes.Select(c => c.At.ToUniversalTime()).ToArray(), changes.Select(c => c.SourceEvent).ToArray(),
            changes.Select(c => (decimal)Math.Round(c.ScoreBefore, 2)).ToArray(), changes.Select(c => (decimal)Math.Round(c.ScoreAfter, 2)).ToArray(),
            changes.Select(c => c.LevelPoints).ToArray());
        // The latest few imported ratings were left on the old website with a comment: they are the merchant page's reviews.
        var recent = DemoData.ImportedReviews(m.Id).Select((r, i) => (r, i: ratings.Count - 1 - i)).ToList();
        var reviews = new ReadModelWrite("""
            INSERT INTO service_review (order_no, merchant_id, category_code, reviewer, stars, comment, channel, reviewed_at)
            SELECT 'import:' || $1 || '#' || r.n, $1, r.category, r.reviewer, r.stars, r.comment, 'web', r.at
            FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::timestamptz[]) AS r(n, category, reviewer, stars, comment, at)
            """, m.Id, recent.Select(x => x.i + 1).ToArray(), recent.Select(x => x.r.Category).ToArray(), recent.Select(x => x.r.Reviewer).ToArray(),
            recent.Select(x => ratings[x.i]).ToArray(), recent.Select(x => x.r.Comment).ToArray(), recent.Select(x => changes[x.i].At.ToUniversalTime()).ToArray());
        return (score, new EventAppend(records,
            [new ReadModelWrite("""
                UPDATE merchant SET credit_score = $2, credit_level = $3, credit_points = $4, completed_orders = $5, rating_count = $5, rating_sum = $6
                WHERE id = $1
                """, m.Id, score, account.Level.ToString(), account.Ledger.LevelPoints, ratings.Count, ratings.Sum()), explained, reviews]));
    }

    private Task Append<T>(string aggregateType, string id, string eventType, T payload, ReadModelWrite write) =>
        log.AppendAsync(EventAppend.Of(
            new EventRecord(aggregateType, id, 1, eventType, JsonSerializer.Serialize(payload, Json), Actor, clock.GetUtcNow()), write));
}
