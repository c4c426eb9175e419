using System.Net;
using System.Net.Sockets;
using HomeService.Silo.Database;
using HomeService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Messaging;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Xunit;

namespace HomeService.Tests.Integration;

// Proves silo/Schema/001-004 (our own SQL for the Orleans ADO.NET providers) with the real 10.4.2
// providers against a real PostgreSQL, following §7 of /work/shared/ORLEANS-ADONET-CONTRACT.md.
// Every test class owns a fresh database (class fixture) and isolates its tests by ClusterId / ServiceId.

/// <summary>Helpers shared by the Orleans provider contract tests.</summary>
internal static class OrleansContractDb
{
    public const string Invariant = "Npgsql";

    /// <summary>A zone with a negative, half-hour offset and daylight saving time: far from UTC in every way.</summary>
    public const string NonUtcZone = "America/St_Johns";

    /// <summary>Creates an empty database (optionally with a default TimeZone) and applies every embedded schema script.</summary>
    public static async Task<string> CreateAsync(string? timeZone = null)
    {
        var cs = await PostgresServer.Shared.CreateDatabaseAsync("orleans");
        if (timeZone is not null)
        {
            // From another database: a pooled session of this one would keep the time zone it started with.
            var builder = new NpgsqlConnectionStringBuilder(cs);
            var database = builder.Database;
            builder.Database = "postgres";
            await ExecuteAsync(builder.ConnectionString, $"ALTER DATABASE \"{database}\" SET timezone TO '{timeZone}'");
        }
        await using var dataSource = NpgsqlDataSource.Create(cs);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        return cs;
    }

    public static async Task<int> ExecuteAsync(string cs, string sql, params (string Name, object? Value)[] args)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = Command(conn, sql, args);
        return await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string cs, string sql, params (string Name, object? Value)[] args)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = Command(conn, sql, args);
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)value;
    }

    public static async Task<List<object?[]>> RowsAsync(string cs, string sql, params (string Name, object? Value)[] args)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = Command(conn, sql, args);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, (string Name, object? Value)[] args)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A silo host on loopback with ADO.NET clustering. It is only started by tests that need a running silo;
    /// the others just resolve provider instances from its container.
    /// </summary>
    public static IHost BuildSilo(string cs, string clusterId, string serviceId, Action<ISiloBuilder>? configure = null, bool gateway = true) =>
        new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = serviceId; })
                    .UseAdoNetClustering(o => { o.Invariant = Invariant; o.ConnectionString = cs; })
                    .ConfigureEndpoints(IPAddress.Loopback, FreePort(), gateway ? FreePort() : 0);
                configure?.Invoke(silo);
            })
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .Build();

    public static IHost BuildClient(string cs, string clusterId, string serviceId) =>
        new HostBuilder()
            .UseOrleansClient(client => client
                .Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = serviceId; })
                .UseAdoNetClustering(o => { o.Invariant = Invariant; o.ConnectionString = cs; }))
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .Build();

    public static async Task StopAndDisposeAsync(IHost host)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(cts.Token);
        }
        catch (Exception)
        {
            // A host that failed to start may also fail to stop; the database is thrown away anyway.
        }
        if (host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else host.Dispose();
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for: {what}");
            await Task.Delay(100);
        }
    }

    public static IEnumerable<Exception> Flatten(Exception e)
    {
        yield return e;
        if (e is AggregateException aggregate)
            foreach (var inner in aggregate.InnerExceptions)
                foreach (var x in Flatten(inner)) yield return x;
        else if (e.InnerException is not null)
            foreach (var x in Flatten(e.InnerException)) yield return x;
    }

    /// <summary>Microsecond precision (what timestamptz keeps), UTC.</summary>
    public static DateTime UtcMicros(DateTime value) =>
        new(value.Ticks - value.Ticks % 10, DateTimeKind.Utc);
}

/// <summary>A fresh database with the schema, one per test class.</summary>
public class OrleansSchemaDatabase : IAsyncLifetime
{
    public virtual string TimeZone => "UTC";

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await OrleansContractDb.CreateAsync(TimeZone);

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The same schema in a database whose default TimeZone is far from UTC.</summary>
public sealed class NonUtcOrleansSchemaDatabase : OrleansSchemaDatabase
{
    public override string TimeZone => OrleansContractDb.NonUtcZone;
}

// ---------------------------------------------------------------------------------------------
// §1: every mandatory key is present, and the providers fail loudly without one.
// ---------------------------------------------------------------------------------------------

public sealed class OrleansQueryKeyContractTests(OrleansSchemaDatabase db) : IClassFixture<OrleansSchemaDatabase>
{
    private string Cs => db.ConnectionString;

    private static readonly string[] MandatoryClusteringKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
    ];

    private static readonly string[] MandatoryReminderKeys =
    [
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    public static TheoryData<string> ClusteringKeys => new(MandatoryClusteringKeys);

    public static TheoryData<string> ReminderKeys => new(MandatoryReminderKeys);

    [Fact]
    public async Task QueryTable_HoldsExactlyTheKeysWeShip()
    {
        var keys = (await OrleansContractDb.RowsAsync(Cs, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey"))
            .Select(r => (string)r[0]!).ToList();
        string[] expected =
        [
            .. MandatoryClusteringKeys, "CleanupDefunctSiloEntryKey",
            .. MandatoryReminderKeys,
            "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ClusteringKeys))]
    public async Task Clustering_WithoutMandatoryKey_FailsNamingIt(string key)
    {
        await WithoutKeyAsync(key, async () =>
        {
            using var host = OrleansContractDb.BuildSilo(Cs, OrleansContractDb.Unique("keys"), "keys");
            var table = host.Services.GetRequiredService<IMembershipTable>();
            var error = await Assert.ThrowsAnyAsync<Exception>(() => table.InitializeMembershipTableAsync(true));
            Assert.Contains(OrleansContractDb.Flatten(error), e => e is ArgumentException && e.Message.Contains("Missing are: " + key));
        });
    }

    [Theory]
    [MemberData(nameof(ReminderKeys))]
    public async Task Reminders_WithoutMandatoryKey_FailsNamingIt(string key)
    {
        await WithoutKeyAsync(key, async () =>
        {
            using var host = OrleansContractDb.BuildSilo(Cs, OrleansContractDb.Unique("keys"), "keys",
                silo => silo.UseAdoNetReminderService(o => { o.Invariant = OrleansContractDb.Invariant; o.ConnectionString = Cs; }));
            var table = host.Services.GetRequiredService<IReminderTable>();
            var error = await Assert.ThrowsAnyAsync<Exception>(() => table.StartAsync());
            Assert.Contains(OrleansContractDb.Flatten(error), e => e is ArgumentException && e.Message.Contains("Missing are: " + key));
        });
    }

    [Fact]
    public async Task Clustering_OptionalPerRowCleanupKey_IsNotRequired()
    {
        await WithoutKeyAsync("CleanupDefunctSiloEntryKey", async () =>
        {
            using var host = OrleansContractDb.BuildSilo(Cs, OrleansContractDb.Unique("keys"), "keys");
            await host.Services.GetRequiredService<IMembershipTable>().InitializeMembershipTableAsync(true);
        });
    }

    [Fact]
    public async Task Persistence_WithoutWriteKey_SiloStartFails()
    {
        await WithoutKeyAsync("WriteToStorageKey", async () =>
        {
            var host = OrleansContractDb.BuildSilo(Cs, OrleansContractDb.Unique("keys"), "keys",
                silo => silo.AddAdoNetGrainStorage("store", o => { o.Invariant = OrleansContractDb.Invariant; o.ConnectionString = Cs; }));
            try
            {
                var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
                Assert.Contains(OrleansContractDb.Flatten(error), e => e is InvalidOperationException);
            }
            finally
            {
                await OrleansContractDb.StopAndDisposeAsync(host);
            }
        });
    }

    [Fact]
    public async Task Persistence_DeleteStateOnClearWithoutDeleteKey_SiloStartFails()
    {
        await WithoutKeyAsync("DeleteStorageKey", async () =>
        {
            var host = OrleansContractDb.BuildSilo(Cs, OrleansContractDb.Unique("keys"), "keys",
                silo => silo.AddAdoNetGrainStorage("store", o =>
                {
                    o.Invariant = OrleansContractDb.Invariant;
                    o.ConnectionString = Cs;
                    o.DeleteStateOnClear = true;
                }));
            try
            {
                var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
                Assert.Contains(OrleansContractDb.Flatten(error), e => e is ArgumentException && e.Message.Contains("DeleteStateOnClear"));
            }
            finally
            {
                await OrleansContractDb.StopAndDisposeAsync(host);
            }
        });
    }

    /// <summary>Removes one key for the duration of <paramref name="body"/> (tests of a class run one at a time).</summary>
    private async Task WithoutKeyAsync(string key, Func<Task> body)
    {
        var text = await OrleansContractDb.ScalarAsync<string>(Cs, "DELETE FROM OrleansQuery WHERE QueryKey = @k RETURNING QueryText", ("k", key));
        Assert.NotNull(text);
        try
        {
            await body();
        }
        finally
        {
            await OrleansContractDb.ExecuteAsync(Cs, "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@k, @t)", ("k", key), ("t", text));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// §2 / §7.2-7.6: the membership table through IMembershipTable, in a UTC and a non-UTC database.
// ---------------------------------------------------------------------------------------------

public abstract class MembershipTableContract(OrleansSchemaDatabase db)
{
    private static readonly DateTime T0 = new(2026, 3, 14, 1, 59, 26, 535, DateTimeKind.Utc);

    protected string Cs => db.ConnectionString;

    [Fact]
    public async Task Database_HasTheExpectedSessionTimeZone()
    {
        Assert.Equal(db.TimeZone, await OrleansContractDb.ScalarAsync<string>(Cs, "SHOW timezone"));
    }

    [Fact]
    public async Task InitializeConcurrently_CreatesOneVersionRow_AndEmptyReads()
    {
        var clusterId = OrleansContractDb.Unique("init");
        var hosts = Enumerable.Range(0, 8).Select(_ => OrleansContractDb.BuildSilo(Cs, clusterId, "svc")).ToList();
        try
        {
            await Task.WhenAll(hosts.Select(h => h.Services.GetRequiredService<IMembershipTable>().InitializeMembershipTableAsync(true)));
            var rows = await OrleansContractDb.RowsAsync(Cs,
                "SELECT version FROM orleans_membership_version WHERE deployment_id = @d", ("d", clusterId));
            Assert.Equal(0, (int)Assert.Single(rows)[0]!);

            var table = hosts[0].Services.GetRequiredService<IMembershipTable>();
            var all = await table.ReadAllAsync();
            Assert.Empty(all.Members);
            Assert.Equal(0, all.Version.Version);
            Assert.Equal("0", all.Version.VersionEtag);

            var one = await table.ReadRowAsync(SiloAddress.New(IPAddress.Loopback, 1, 1));
            Assert.Empty(one.Members);
            Assert.Equal(0, one.Version.Version);
        }
        finally
        {
            foreach (var h in hosts) h.Dispose();
        }
    }

    [Fact]
    public async Task InsertAndUpdate_BumpVersionByOne_HeartbeatDoesNot_AndValuesRoundTripAsUtc()
    {
        await using var t = await MembershipAsync();
        var start = OrleansContractDb.UtcMicros(T0.AddTicks(1234567));
        var entry = Entry(11111, 7, SiloStatus.Joining, start, start.AddSeconds(1), proxyPort: 30001);

        var v0 = (await t.Table.ReadAllAsync()).Version;
        Assert.True(await t.Table.InsertRowAsync(entry, v0.Next()));
        var afterInsert = await t.Table.ReadRowAsync(entry.SiloAddress);
        Assert.Equal(v0.Version + 1, afterInsert.Version.Version);

        var (read, rowEtag) = Assert.Single(afterInsert.Members);
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(SiloStatus.Joining, read.Status);
        Assert.Equal(30001, read.ProxyPort);
        Assert.Equal(entry.SiloName, read.SiloName);
        Assert.Equal(entry.HostName, read.HostName);
        Assert.Equal(start, read.StartTime);
        Assert.Equal(DateTimeKind.Utc, read.StartTime.Kind);
        Assert.Equal(start.AddSeconds(1), read.IAmAliveTime);
        Assert.Equal(DateTimeKind.Utc, read.IAmAliveTime.Kind);
        Assert.True(read.SuspectTimes is null || read.SuspectTimes.Count == 0);

        // The stored instant is right whatever the session time zone is.
        var epoch = await OrleansContractDb.ScalarAsync<decimal>(Cs,
            "SELECT extract(epoch FROM start_time) FROM orleans_membership WHERE deployment_id = @d", ("d", t.ClusterId));
        Assert.Equal((decimal)(start - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond, epoch);

        // Heartbeat: changes the time, never the version.
        var alive = start.AddMinutes(5).AddTicks(10);
        entry.IAmAliveTime = alive;
        await t.Table.UpdateIAmAliveAsync(entry);
        var afterHeartbeat = await t.Table.ReadRowAsync(entry.SiloAddress);
        Assert.Equal(afterInsert.Version, afterHeartbeat.Version);
        Assert.Equal(alive, afterHeartbeat.Members[0].Item1.IAmAliveTime);

        // Versioned update: +1, and only status / suspicions / heartbeat change.
        var update = Entry(11111, 7, SiloStatus.Active, start.AddDays(-1), alive.AddSeconds(1), proxyPort: 1, silo: "other-name");
        Assert.True(await t.Table.UpdateRowAsync(update, rowEtag, afterHeartbeat.Version.Next()));
        var afterUpdate = await t.Table.ReadAllAsync();
        Assert.Equal(afterInsert.Version.Version + 1, afterUpdate.Version.Version);
        var updated = Assert.Single(afterUpdate.Members).Item1;
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.Equal(alive.AddSeconds(1), updated.IAmAliveTime);
        Assert.Equal(start, updated.StartTime);
        Assert.Equal(30001, updated.ProxyPort);
        Assert.Equal(entry.SiloName, updated.SiloName);
    }

    [Fact]
    public async Task InsertRow_StaleVersion_ReturnsFalseAndLeavesNoRow_EvenWithAssertsOff()
    {
        var csAssertsOff = new NpgsqlConnectionStringBuilder(Cs) { Options = "-c plpgsql.check_asserts=off" }.ConnectionString;
        Assert.Equal("off", await OrleansContractDb.ScalarAsync<string>(csAssertsOff, "SHOW plpgsql.check_asserts"));
        await using var t = await MembershipAsync(csAssertsOff);

        var v0 = (await t.Table.ReadAllAsync()).Version;
        var a = Entry(20001, 1, SiloStatus.Joining, T0, T0);
        var b = Entry(20002, 1, SiloStatus.Joining, T0, T0);
        Assert.True(await t.Table.InsertRowAsync(a, v0.Next()));

        // Stale version: refused, no row, no version change.
        Assert.False(await t.Table.InsertRowAsync(b, v0.Next()));
        Assert.Equal(0L, await MemberCountAsync(t.ClusterId, 20002));
        var v1 = (await t.Table.ReadAllAsync()).Version;
        Assert.Equal(v0.Version + 1, v1.Version);

        // Same silo twice with the current version: refused, and the version is NOT bumped.
        Assert.False(await t.Table.InsertRowAsync(a, v1.Next()));
        var afterDuplicate = await t.Table.ReadAllAsync();
        Assert.Equal(v1.Version, afterDuplicate.Version.Version);
        Assert.Single(afterDuplicate.Members);

        // A version from the future is refused too (Next() keeps the etag it was made from).
        Assert.False(await t.Table.InsertRowAsync(b, new TableVersion(v1.Version + 2, (v1.Version + 1).ToString())));
        Assert.Equal(0L, await MemberCountAsync(t.ClusterId, 20002));
    }

    [Fact]
    public async Task UpdateRow_StaleVersionOrUnknownSilo_ReturnsFalseAndChangesNothing()
    {
        await using var t = await MembershipAsync();
        var a = Entry(21001, 1, SiloStatus.Active, T0, T0);
        Assert.True(await t.Table.InsertRowAsync(a, (await t.Table.ReadAllAsync()).Version.Next()));
        var v1 = (await t.Table.ReadAllAsync()).Version;

        a.Status = SiloStatus.Dead;
        Assert.True(await t.Table.UpdateRowAsync(a, v1.VersionEtag, v1.Next()));

        // Stale: the caller still believes in v1.
        a.Status = SiloStatus.Active;
        Assert.False(await t.Table.UpdateRowAsync(a, v1.VersionEtag, v1.Next()));
        var now = await t.Table.ReadAllAsync();
        Assert.Equal(v1.Version + 1, now.Version.Version);
        Assert.Equal(SiloStatus.Dead, Assert.Single(now.Members).Item1.Status);

        // Current version but no such silo: refused, version unchanged.
        var ghost = Entry(21002, 1, SiloStatus.Active, T0, T0);
        Assert.False(await t.Table.UpdateRowAsync(ghost, now.Version.VersionEtag, now.Version.Next()));
        Assert.Equal(now.Version, (await t.Table.ReadAllAsync()).Version);
        Assert.Equal(0L, await MemberCountAsync(t.ClusterId, 21002));

        // Reading an unknown silo: no members, and the current version.
        var unknown = await t.Table.ReadRowAsync(ghost.SiloAddress);
        Assert.Empty(unknown.Members);
        Assert.Equal(now.Version, unknown.Version);
    }

    [Fact]
    public async Task SuspectTimes_RoundTripUnchanged()
    {
        await using var t = await MembershipAsync();
        var a = Entry(22001, 3, SiloStatus.Active, T0, T0);
        Assert.True(await t.Table.InsertRowAsync(a, (await t.Table.ReadAllAsync()).Version.Next()));
        var v = (await t.Table.ReadAllAsync()).Version;

        var voterB = SiloAddress.New(IPAddress.Loopback, 22002, 5);
        var voterC = SiloAddress.New(IPAddress.Parse("10.1.2.3"), 22003, 123456789);
        a.SuspectTimes = [Tuple.Create(voterB, T0.AddSeconds(3)), Tuple.Create(voterC, T0.AddSeconds(4))];
        a.Status = SiloStatus.ShuttingDown;
        Assert.True(await t.Table.UpdateRowAsync(a, v.VersionEtag, v.Next()));

        var read = Assert.Single((await t.Table.ReadRowAsync(a.SiloAddress)).Members).Item1;
        Assert.Equal(SiloStatus.ShuttingDown, read.Status);
        Assert.NotNull(read.SuspectTimes);
        Assert.Equal(2, read.SuspectTimes.Count);
        Assert.Equal(voterB, read.SuspectTimes[0].Item1);
        Assert.Equal(T0.AddSeconds(3), read.SuspectTimes[0].Item2);
        Assert.Equal(voterC, read.SuspectTimes[1].Item1);
        Assert.Equal(T0.AddSeconds(4), read.SuspectTimes[1].Item2);

        var raw = await OrleansContractDb.ScalarAsync<string>(Cs,
            "SELECT suspect_times FROM orleans_membership WHERE deployment_id = @d", ("d", t.ClusterId));
        Assert.Contains("|", raw);
        Assert.Contains("GMT", raw);
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_RemovesOnlyExpiredDeadRows()
    {
        await using var t = await MembershipAsync();
        await CleanupScenarioAsync(t);
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_WithoutPerRowKey_FallbackHasTheSamePolicy()
    {
        var cs = await OrleansContractDb.CreateAsync(db.TimeZone);
        await OrleansContractDb.ExecuteAsync(cs, "DELETE FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'");
        await using var t = await MembershipAsync(cs);
        await CleanupScenarioAsync(t);
    }

    [Fact]
    public async Task PerRowCleanupQuery_DeletesOnlyRowsThatAreStillDeadAndUnchanged()
    {
        await using var t = await MembershipAsync();
        var old = DateTime.UtcNow.AddDays(-10);
        var rows = Enumerable.Range(0, 5).Select(i => Entry(23000 + i, 1, SiloStatus.Dead, old, old)).ToList();
        rows[4].Status = SiloStatus.Active;
        foreach (var row in rows) Assert.True(await t.Table.InsertRowAsync(row, (await t.Table.ReadAllAsync()).Version.Next()));
        var sql = await OrleansContractDb.ScalarAsync<string>(Cs, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'");
        var stored = (await t.Table.ReadAllAsync()).Members.ToDictionary(m => m.Item1.SiloAddress.Endpoint.Port, m => m.Item1);

        async Task Run(int port, string? suspect, DateTime start, DateTime alive)
        {
            (string, object?)[] args =
            [
                ("DeploymentId", t.ClusterId), ("Address", "127.0.0.1"), ("Port", port), ("Generation", 1),
                ("SuspectTimes", suspect), ("StartTime", start), ("IAmAliveTime", alive),
            ];
            await OrleansContractDb.ExecuteAsync(Cs, sql, args);
        }

        await Run(23000, "", stored[23000].StartTime, stored[23000].IAmAliveTime);                // unchanged ('' = NULL): deleted
        await Run(23001, null, stored[23001].StartTime, stored[23001].IAmAliveTime.AddTicks(10)); // heartbeat moved: kept
        await Run(23002, "x", stored[23002].StartTime, stored[23002].IAmAliveTime);               // suspicions differ: kept
        await Run(23003, null, stored[23003].StartTime.AddTicks(-10), stored[23003].IAmAliveTime); // start differs: kept
        await Run(23004, null, stored[23004].StartTime, stored[23004].IAmAliveTime);              // not Dead: kept

        var left = (await t.Table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order().ToArray();
        Assert.Equal([23001, 23002, 23003, 23004], left);
    }

    [Fact]
    public async Task DeleteMembershipTableEntries_RemovesOnlyThatDeployment()
    {
        await using var t = await MembershipAsync();
        await using var other = await MembershipAsync();
        Assert.True(await t.Table.InsertRowAsync(Entry(24001, 1, SiloStatus.Active, T0, T0), (await t.Table.ReadAllAsync()).Version.Next()));
        Assert.True(await other.Table.InsertRowAsync(Entry(24001, 1, SiloStatus.Active, T0, T0), (await other.Table.ReadAllAsync()).Version.Next()));

        await t.Table.DeleteMembershipTableEntriesAsync(t.ClusterId);

        Assert.Equal(0L, await OrleansContractDb.ScalarAsync<long>(Cs,
            "SELECT (SELECT count(*) FROM orleans_membership WHERE deployment_id = @d) + (SELECT count(*) FROM orleans_membership_version WHERE deployment_id = @d)",
            ("d", t.ClusterId)));
        Assert.Single((await other.Table.ReadAllAsync()).Members);
    }

    [Fact]
    public async Task GatewayList_ListsOnlyActiveSilosWithAGateway()
    {
        await using var t = await MembershipAsync();
        var rows = new[]
        {
            Entry(25001, 1, SiloStatus.Active, T0, T0, proxyPort: 35001),
            Entry(25002, 1, SiloStatus.Active, T0, T0, proxyPort: 0),
            Entry(25003, 1, SiloStatus.Dead, T0, T0, proxyPort: 35003),
            Entry(25004, 1, SiloStatus.Joining, T0, T0, proxyPort: 35004),
        };
        foreach (var row in rows) Assert.True(await t.Table.InsertRowAsync(row, (await t.Table.ReadAllAsync()).Version.Next()));

        using var client = OrleansContractDb.BuildClient(t.Cs, t.ClusterId, "svc");
        var gateways = client.Services.GetRequiredService<IGatewayListProvider>();
        await gateways.InitializeGatewayListProviderAsync();
        var uri = Assert.Single(await gateways.GetGatewaysAsync());
        Assert.Equal(35001, uri.Port);
        Assert.Equal("127.0.0.1", uri.Host);
    }

    private async Task CleanupScenarioAsync(MembershipHandle t)
    {
        var now = DateTime.UtcNow;
        var old = OrleansContractDb.UtcMicros(now.AddDays(-10));
        var oldDead = Entry(26001, 1, SiloStatus.Dead, old, old);
        var oldJoining = Entry(26002, 1, SiloStatus.Joining, old, old);
        var oldActive = Entry(26003, 1, SiloStatus.Active, old, old);
        var recentDead = Entry(26004, 1, SiloStatus.Dead, old, OrleansContractDb.UtcMicros(now.AddHours(-1)));
        var deadRecentVote = Entry(26005, 1, SiloStatus.Joining, old, old);
        var deadOldVote = Entry(26006, 1, SiloStatus.Joining, old, old);
        foreach (var row in new[] { oldDead, oldJoining, oldActive, recentDead, deadRecentVote, deadOldVote })
            Assert.True(await t.Table.InsertRowAsync(row, (await t.Table.ReadAllAsync()).Version.Next()));

        var voter = SiloAddress.New(IPAddress.Loopback, 26003, 1);
        deadRecentVote.Status = SiloStatus.Dead;
        deadRecentVote.SuspectTimes = [Tuple.Create(voter, now.AddDays(-12)), Tuple.Create(voter, now.AddHours(-1))];
        var v = (await t.Table.ReadAllAsync()).Version;
        Assert.True(await t.Table.UpdateRowAsync(deadRecentVote, v.VersionEtag, v.Next()));
        deadOldVote.Status = SiloStatus.Dead;
        deadOldVote.SuspectTimes = [Tuple.Create(voter, now.AddDays(-9))];
        v = (await t.Table.ReadAllAsync()).Version;
        Assert.True(await t.Table.UpdateRowAsync(deadOldVote, v.VersionEtag, v.Next()));
        var before = (await t.Table.ReadAllAsync()).Version;

        await t.Table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1));

        var after = await t.Table.ReadAllAsync();
        Assert.Equal(before, after.Version);
        var left = after.Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order().ToArray();
        Assert.Equal([26002, 26003, 26004, 26005], left);
    }

    private async Task<long> MemberCountAsync(string clusterId, int port) =>
        await OrleansContractDb.ScalarAsync<long>(Cs,
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = @d AND port = @p", ("d", clusterId), ("p", port));

    private static MembershipEntry Entry(int port, int generation, SiloStatus status, DateTime start, DateTime alive, int proxyPort = 0, string? silo = null) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, generation),
        Status = status,
        ProxyPort = proxyPort,
        HostName = "test-host",
        SiloName = silo ?? $"silo-{port}",
        RoleName = "test",
        StartTime = start,
        IAmAliveTime = alive,
        SuspectTimes = [],
    };

    private async Task<MembershipHandle> MembershipAsync(string? cs = null)
    {
        var clusterId = OrleansContractDb.Unique("members");
        var host = OrleansContractDb.BuildSilo(cs ?? Cs, clusterId, "svc");
        var table = host.Services.GetRequiredService<IMembershipTable>();
        await table.InitializeMembershipTableAsync(true);
        return new MembershipHandle(host, table, clusterId, cs ?? Cs);
    }

    protected sealed record MembershipHandle(IHost Host, IMembershipTable Table, string ClusterId, string Cs) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            Host.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class MembershipTableContractTests(OrleansSchemaDatabase db)
    : MembershipTableContract(db), IClassFixture<OrleansSchemaDatabase>;

public sealed class MembershipTableNonUtcTimeZoneContractTests(NonUtcOrleansSchemaDatabase db)
    : MembershipTableContract(db), IClassFixture<NonUtcOrleansSchemaDatabase>;

// ---------------------------------------------------------------------------------------------
// §4 / §7.11: reminders through IReminderTable, in a UTC and a non-UTC database.
// ---------------------------------------------------------------------------------------------

public abstract class ReminderTableContract(OrleansSchemaDatabase db)
{
    private static readonly DateTime Start = OrleansContractDb.UtcMicros(new DateTime(2026, 7, 1, 23, 30, 0, DateTimeKind.Utc).AddTicks(4567890));

    protected string Cs => db.ConnectionString;

    [Fact]
    public async Task Upsert_ChangesETagEveryTime_ReadRowReturnsLatest()
    {
        await using var r = await RemindersAsync();
        var grain = GrainId.Create("probe", "rem-1");

        var e1 = await r.Table.UpsertRow(Reminder(grain, "a", Start, TimeSpan.FromMinutes(1)));
        var e2 = await r.Table.UpsertRow(Reminder(grain, "a", Start.AddHours(1), TimeSpan.FromMinutes(2)));
        Assert.False(string.IsNullOrEmpty(e1));
        Assert.NotEqual(e1, e2);
        await r.Table.UpsertRow(Reminder(grain, "b", Start, TimeSpan.FromMinutes(3)));

        var read = await r.Table.ReadRow(grain, "a");
        Assert.NotNull(read);
        Assert.Equal(grain, read.GrainId);
        Assert.Equal("a", read.ReminderName);
        Assert.Equal(TimeSpan.FromMinutes(2), read.Period);
        Assert.Equal(Start.AddHours(1), read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(e2, read.ETag);

        Assert.Null(await r.Table.ReadRow(grain, "missing"));
        var all = await r.Table.ReadRows(grain);
        Assert.Equal(["a", "b"], all.Reminders.Select(x => x.ReminderName).Order());
        Assert.Empty((await r.Table.ReadRows(GrainId.Create("probe", "nobody"))).Reminders);

        // The stored instant is right whatever the session time zone is.
        var epoch = await OrleansContractDb.ScalarAsync<decimal>(Cs,
            "SELECT extract(epoch FROM start_time) FROM orleans_reminder WHERE service_id = @s AND reminder_name = 'a'", ("s", r.ServiceId));
        Assert.Equal((decimal)(Start.AddHours(1) - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond, epoch);
    }

    [Fact]
    public async Task RemoveRow_NeedsTheCurrentETag()
    {
        await using var r = await RemindersAsync();
        var grain = GrainId.Create("probe", "rem-2");
        var stale = await r.Table.UpsertRow(Reminder(grain, "a", Start, TimeSpan.FromMinutes(1)));
        var current = (await r.Table.UpsertRow(Reminder(grain, "a", Start, TimeSpan.FromMinutes(1))))!;

        Assert.False(await r.Table.RemoveRow(grain, "a", stale!));
        Assert.NotNull(await r.Table.ReadRow(grain, "a"));
        Assert.False(await r.Table.RemoveRow(grain, "missing", current));
        Assert.True(await r.Table.RemoveRow(grain, "a", current));
        Assert.Null(await r.Table.ReadRow(grain, "a"));
        Assert.False(await r.Table.RemoveRow(grain, "a", current));
    }

    [Fact]
    public async Task PeriodBeyondInt32Milliseconds_RoundTrips()
    {
        await using var r = await RemindersAsync();
        var grain = GrainId.Create("probe", "rem-3");
        var period = TimeSpan.FromDays(40) + TimeSpan.FromMilliseconds(7);
        Assert.True(period.TotalMilliseconds > int.MaxValue);

        await r.Table.UpsertRow(Reminder(grain, "long", Start, period));
        Assert.Equal(period, (await r.Table.ReadRow(grain, "long"))!.Period);
        Assert.Equal((long)period.TotalMilliseconds, await OrleansContractDb.ScalarAsync<long>(Cs,
            "SELECT period FROM orleans_reminder WHERE service_id = @s", ("s", r.ServiceId)));
    }

    [Fact]
    public async Task ReadRangeRows_MatchRingSemantics_IncludingWrapSignBoundaryAndNegativeHashes()
    {
        await using var r = await RemindersAsync();
        var grains = Enumerable.Range(0, 240).Select(i => GrainId.Create("probe", $"ring-{i}")).ToList();
        foreach (var g in grains) await r.Table.UpsertRow(Reminder(g, "tick", Start, TimeSpan.FromMinutes(1)));

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        var negative = grains.First(g => (int)g.GetUniformHashCode() < 0);
        Assert.NotNull(await r.Table.ReadRow(negative, "tick"));
        Assert.Equal(1L, await OrleansContractDb.ScalarAsync<long>(Cs,
            "SELECT count(*) FROM orleans_reminder WHERE service_id = @s AND grain_hash = @h AND grain_hash < 0",
            ("s", r.ServiceId), ("h", (int)negative.GetUniformHashCode())));

        var lowSigned = hashes.Last(h => h < 0x80000000u);   // the highest positive int hash
        var highSigned = hashes.First(h => h >= 0x80000000u); // the lowest negative int hash
        (uint Begin, uint End)[] ranges =
        [
            (0x00000000u, 0x40000000u),          // plain
            (0x20000000u, 0x60000000u),          // plain, both positive as int
            (0x90000000u, 0xF0000000u),          // plain in uint, both negative as int
            (0xC0000000u, 0x40000000u),          // wraps around 0
            (0xF0000000u, 0x10000000u),          // wraps, narrow
            (0x7FFFFFF0u, 0x80000010u),          // crosses the sign boundary, narrow
            (0x60000000u, 0xA0000000u),          // crosses the sign boundary, wide
            (lowSigned, highSigned),             // exclusive begin, inclusive end around the sign boundary
            (hashes[10], hashes[20]),            // exclusive begin, inclusive end on real hashes
            (hashes[^5], hashes[5]),             // wraps on real hashes
            (0x12345678u, 0x12345678u),          // begin == end: the whole ring
            (0u, 0u),
        ];
        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => InRing(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order().ToList();
            var actual = (await r.Table.ReadRows(begin, end)).Reminders.Select(x => x.GrainId.ToString()).Order().ToList();
            Assert.True(expected.SequenceEqual(actual),
                $"Range (0x{begin:X8}, 0x{end:X8}]: expected {expected.Count} rows, got {actual.Count}.");
        }
        Assert.Equal(11, (await r.Table.ReadRows(hashes[10], hashes[21])).Reminders.Count);

        await r.Table.TestOnlyClearTable();
        Assert.Empty((await r.Table.ReadRows(0u, 0u)).Reminders);
    }

    /// <summary>The reminder service's ring range (begin, end]; begin == end is the whole ring.</summary>
    private static bool InRing(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Reminder(GrainId grain, string name, DateTime start, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = start, Period = period };

    private async Task<ReminderHandle> RemindersAsync()
    {
        var serviceId = OrleansContractDb.Unique("reminders");
        var host = OrleansContractDb.BuildSilo(Cs, OrleansContractDb.Unique("c"), serviceId,
            silo => silo.UseAdoNetReminderService(o => { o.Invariant = OrleansContractDb.Invariant; o.ConnectionString = Cs; }));
        var table = host.Services.GetRequiredService<IReminderTable>();
        await table.StartAsync();
        return new ReminderHandle(host, table, serviceId);
    }

    protected sealed record ReminderHandle(IHost Host, IReminderTable Table, string ServiceId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            Host.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class ReminderTableContractTests(OrleansSchemaDatabase db)
    : ReminderTableContract(db), IClassFixture<OrleansSchemaDatabase>;

public sealed class ReminderTableNonUtcTimeZoneContractTests(NonUtcOrleansSchemaDatabase db)
    : ReminderTableContract(db), IClassFixture<NonUtcOrleansSchemaDatabase>;

// ---------------------------------------------------------------------------------------------
// §3 / §7.7-7.10: grain persistence through IGrainStorage of a running silo.
// ---------------------------------------------------------------------------------------------

public sealed class OrleansPersistenceSiloFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public string ServiceId { get; } = OrleansContractDb.Unique("persistence");
    private IHost? _host;

    public IGrainStorage Storage(string name) => _host!.Services.GetRequiredKeyedService<IGrainStorage>(name);

    public async Task InitializeAsync()
    {
        ConnectionString = await OrleansContractDb.CreateAsync();
        var cs = ConnectionString;
        // System.Text.Json: the default Newtonsoft serializer writes "$type" names and, in Orleans 10, refuses to
        // read back types that are not on the serializer's allow-list (plain test classes are not).
        var json = new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));
        _host = OrleansContractDb.BuildSilo(cs, OrleansContractDb.Unique("c"), ServiceId, silo => silo
            .AddAdoNetGrainStorage("store", o =>
            {
                o.Invariant = OrleansContractDb.Invariant;
                o.ConnectionString = cs;
                o.GrainStorageSerializer = json;
            })
            .AddAdoNetGrainStorage("store-delete", o =>
            {
                o.Invariant = OrleansContractDb.Invariant;
                o.ConnectionString = cs;
                o.GrainStorageSerializer = json;
                o.DeleteStateOnClear = true;
            })
            .AddAdoNetGrainStorage("collide", o =>
            {
                o.Invariant = OrleansContractDb.Invariant;
                o.ConnectionString = cs;
                o.GrainStorageSerializer = json;
                o.HashPicker = new StorageHasherPicker([new ConstantHasher()]);
            }));
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await OrleansContractDb.StopAndDisposeAsync(_host);
    }

    private sealed class ConstantHasher : IHasher
    {
        public const int Value = 42;
        public string Description => "constant";
        public int Hash(byte[] data) => Value;
    }
}

public sealed class ContractProbeState
{
    public int Value { get; set; }
    public string? Text { get; set; }
}

public sealed class GrainPersistenceContractTests(OrleansPersistenceSiloFixture silo) : IClassFixture<OrleansPersistenceSiloFixture>
{
    private string Cs => silo.ConnectionString;

    [Fact]
    public async Task ETagSequence_WriteReadClearWrite_AndStaleOrBlindWritesThrow()
    {
        var storage = silo.Storage("store");
        var grain = GrainId.Create("probe", OrleansContractDb.Unique("seq"));

        var first = new GrainState<ContractProbeState>(new ContractProbeState());
        await storage.ReadStateAsync("state", grain, first);
        Assert.Null(first.ETag);
        Assert.False(first.RecordExists);

        first.State!.Value = 1;
        await storage.WriteStateAsync("state", grain, first);
        Assert.Equal("1", first.ETag);
        Assert.True(first.RecordExists);

        var second = await ReadAsync(storage, grain);
        Assert.Equal("1", second.ETag);
        Assert.Equal(1, second.State!.Value);
        second.State!.Value = 2;
        await storage.WriteStateAsync("state", grain, second);
        Assert.Equal("2", second.ETag);

        first.State!.Value = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", grain, first));
        var blind = new GrainState<ContractProbeState>(new ContractProbeState { Value = 98 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", grain, blind));

        await storage.ClearStateAsync("state", grain, second);
        Assert.Equal("3", second.ETag);
        Assert.False(second.RecordExists);

        var third = await ReadAsync(storage, grain);
        Assert.Equal("3", third.ETag);
        Assert.False(third.RecordExists);
        Assert.Equal(0, third.State!.Value);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("state", grain, first));

        third.State!.Value = 4;
        await storage.WriteStateAsync("state", grain, third);
        Assert.Equal("4", third.ETag);
        Assert.Equal(4, (await ReadAsync(storage, grain)).State!.Value);

        var rows = await OrleansContractDb.RowsAsync(Cs,
            "SELECT version FROM orleans_storage WHERE service_id = @s AND grain_id_extension = @k",
            ("s", silo.ServiceId), ("k", grain.Key.ToString()));
        Assert.Equal(4, (int)Assert.Single(rows)[0]!);
    }

    [Fact]
    public async Task DeleteStateOnClear_RemovesTheRow_AndTheNextWriteStartsAgainAtOne()
    {
        var storage = silo.Storage("store-delete");
        var grain = GrainId.Create("probe", OrleansContractDb.Unique("del"));
        var state = new GrainState<ContractProbeState>(new ContractProbeState { Value = 1 });
        await storage.WriteStateAsync("state", grain, state);
        Assert.Equal("1", state.ETag);
        var stale = new GrainState<ContractProbeState>(new ContractProbeState(), "1");
        await storage.WriteStateAsync("state", grain, state);
        Assert.Equal("2", state.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("state", grain, stale));

        await storage.ClearStateAsync("state", grain, state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0L, await CountAsync(grain));

        state.State!.Value = 5;
        await storage.WriteStateAsync("state", grain, state);
        Assert.Equal("1", state.ETag);
        Assert.Equal(5, (await ReadAsync(storage, grain)).State!.Value);
    }

    [Fact]
    public async Task Clear_OfANeverWrittenGrain_DoesNothing()
    {
        foreach (var name in new[] { "store", "store-delete" })
        {
            var grain = GrainId.Create("probe", OrleansContractDb.Unique("never"));
            var state = new GrainState<ContractProbeState>(new ContractProbeState());
            await silo.Storage(name).ClearStateAsync("state", grain, state);
            Assert.Null(state.ETag);
            Assert.Equal(0L, await CountAsync(grain));
        }
    }

    [Fact]
    public async Task KeyShapes_MapToN0N1AndExtension_AndRoundTrip()
    {
        var storage = silo.Storage("store");
        var type = GrainType.Create("probe");
        var guid = Guid.NewGuid();
        var bytes = guid.ToByteArray();
        var (g0, g1) = (BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8));
        var longKey = "device-" + new string('x', 10_000);
        (GrainId Grain, long N0, long N1, string? Extension)[] shapes =
        [
            (GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42)), 0, 42, null),
            (GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(-5)), 0, -5, null),
            (GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42, "kitchen")), 0, 42, "kitchen"),
            (GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)), g0, g1, null),
            (GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "kitchen")), g0, g1, "kitchen"),
            (GrainId.Create(type, "device-kitchen"), 0, 0, "device-kitchen"),
            (GrainId.Create(type, "cafe"), 0, 0xCAFE, null), // hex-looking string keys are integer keys (provider behaviour)
            (GrainId.Create(type, longKey), 0, 0, longKey),  // no length limit
        ];

        for (var i = 0; i < shapes.Length; i++)
        {
            var (grain, n0, n1, extension) = shapes[i];
            var stateName = $"shape{i}-{silo.ServiceId}";
            var state = new GrainState<ContractProbeState>(new ContractProbeState { Value = i + 100, Text = grain.ToString() });
            await storage.WriteStateAsync(stateName, grain, state);
            Assert.Equal("1", state.ETag);

            var row = Assert.Single(await OrleansContractDb.RowsAsync(Cs,
                "SELECT grain_id_n0, grain_id_n1, grain_id_extension FROM orleans_storage WHERE grain_type = @t", ("t", stateName)));
            Assert.Equal(n0, (long)row[0]!);
            Assert.Equal(n1, (long)row[1]!);
            Assert.Equal(extension, (string?)row[2]);

            var read = await ReadAsync(storage, grain, stateName);
            Assert.Equal(i + 100, read.State!.Value);
            Assert.Equal(grain.ToString(), read.State!.Text);
        }
    }

    [Fact]
    public async Task HashCollisions_KeepSeparateStatesAndETags()
    {
        var storage = silo.Storage("collide");
        var type = GrainType.Create("probe");
        var suffix = Guid.NewGuid().ToString("N");
        (GrainId Grain, string StateName)[] targets =
        [
            (GrainId.Create(type, "a-" + suffix), "s1"),
            (GrainId.Create(type, "b-" + suffix), "s1"),
            (GrainId.Create(type, "a-" + suffix), "s2"),
            (GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(7)), "s1-" + suffix),
            (GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(7, "x")), "s1-" + suffix),
            (GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(8)), "s1-" + suffix),
        ];

        // A foreign row with the same hashes, the same N0/N1 and extension as target 0, but another state name.
        await OrleansContractDb.ExecuteAsync(Cs, """
            INSERT INTO orleans_storage (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_type,
                                         grain_id_extension, service_id, payload, version)
            VALUES (42, 42, 0, 0, 'foreign', @ext, @s, '\x00'::bytea, 7)
            """, ("ext", "a-" + suffix), ("s", silo.ServiceId));

        var states = new List<GrainState<ContractProbeState>>();
        for (var i = 0; i < targets.Length; i++)
        {
            var state = new GrainState<ContractProbeState>(new ContractProbeState { Value = i });
            await storage.WriteStateAsync(targets[i].StateName, targets[i].Grain, state);
            Assert.Equal("1", state.ETag);
            states.Add(state);
        }
        states[2].State!.Value = 1002;
        await storage.WriteStateAsync(targets[2].StateName, targets[2].Grain, states[2]);
        Assert.Equal("2", states[2].ETag);

        for (var i = 0; i < targets.Length; i++)
        {
            var read = await ReadAsync(storage, targets[i].Grain, targets[i].StateName);
            Assert.Equal(i == 2 ? 1002 : i, read.State!.Value);
            Assert.Equal(i == 2 ? "2" : "1", read.ETag);
        }
        Assert.Equal(7, await OrleansContractDb.ScalarAsync<int>(Cs,
            "SELECT version FROM orleans_storage WHERE grain_type = 'foreign' AND service_id = @s", ("s", silo.ServiceId)));
        // The constant hasher really was used: all seven rows share both hashes.
        Assert.Equal(7L, await OrleansContractDb.ScalarAsync<long>(Cs,
            "SELECT count(*) FROM orleans_storage WHERE service_id = @s AND grain_id_hash = 42 AND grain_type_hash = 42",
            ("s", silo.ServiceId)));
    }

    [Fact]
    public async Task ConcurrentFirstWrites_ExactlyOneWins()
    {
        var storage = silo.Storage("store");
        var grain = GrainId.Create("probe", OrleansContractDb.Unique("race"));
        const int writers = 16;
        using var go = new ManualResetEventSlim(false);
        var attempts = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            go.Wait();
            var state = new GrainState<ContractProbeState>(new ContractProbeState { Value = i });
            try
            {
                await storage.WriteStateAsync("state", grain, state);
                return (Won: true, Value: i, Error: (Exception?)null);
            }
            catch (Exception e)
            {
                return (Won: false, Value: i, Error: e);
            }
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Won);
        Assert.All(results.Where(r => !r.Won), r => Assert.IsType<InconsistentStateException>(r.Error));
        Assert.Equal(1L, await CountAsync(grain));
        var read = await ReadAsync(storage, grain);
        Assert.Equal("1", read.ETag);
        Assert.Equal(winner.Value, read.State!.Value);
    }

    private async Task<long> CountAsync(GrainId grain) =>
        await OrleansContractDb.ScalarAsync<long>(Cs,
            "SELECT count(*) FROM orleans_storage WHERE service_id = @s AND grain_id_extension = @k",
            ("s", silo.ServiceId), ("k", grain.Key.ToString()));

    private static async Task<GrainState<ContractProbeState>> ReadAsync(IGrainStorage storage, GrainId grain, string stateName = "state")
    {
        var state = new GrainState<ContractProbeState>(new ContractProbeState());
        await storage.ReadStateAsync(stateName, grain, state);
        return state;
    }
}

// ---------------------------------------------------------------------------------------------
// §7.2-7.6 end to end: two real silos and a client, in a database whose TimeZone is not UTC.
// ---------------------------------------------------------------------------------------------

public sealed class ClusterMembershipContractTests(NonUtcOrleansSchemaDatabase db) : IClassFixture<NonUtcOrleansSchemaDatabase>
{
    [Fact]
    public async Task TwoSilosJoin_ClientUsesGatewayList_StoppedSiloBecomesDeadAndIsCleanedUp()
    {
        var cs = db.ConnectionString;
        var clusterId = OrleansContractDb.Unique("cluster");
        var siloA = OrleansContractDb.BuildSilo(cs, clusterId, "svc", silo => silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.DefunctSiloCleanupPeriod = TimeSpan.FromSeconds(1);
            o.DefunctSiloExpiration = TimeSpan.Zero; // a Dead row is removed on the membership update that reports it
            o.DefunctSiloMinimumRetention = TimeSpan.Zero;
        }));
        var siloB = OrleansContractDb.BuildSilo(cs, clusterId, "svc", gateway: false);
        IHost? client = null;
        try
        {
            // Test-only audit of every status a silo row takes (the cleanup removes silo B's row right after it dies).
            await OrleansContractDb.ExecuteAsync(cs, """
                CREATE TABLE test_status_log (port integer, status integer, id bigint GENERATED ALWAYS AS IDENTITY);
                CREATE FUNCTION test_status_log() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO test_status_log (port, status) VALUES (NEW.port, NEW.status);
                    RETURN NEW;
                END $$;
                CREATE TRIGGER test_status_log AFTER INSERT OR UPDATE OF status ON orleans_membership
                    FOR EACH ROW EXECUTE FUNCTION test_status_log();
                """);

            // One after the other: when both start at once the second joiner idles ~3 s (Orleans, not the schema);
            // the concurrent creation of the version row is covered by the membership table tests.
            await siloA.StartAsync();
            await siloB.StartAsync();
            var management = siloA.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            await OrleansContractDb.WaitUntilAsync(async () => (await management.GetHosts(true)).Count == 2,
                TimeSpan.FromSeconds(20), "both silos Active");

            Assert.Equal(1L, await OrleansContractDb.ScalarAsync<long>(cs,
                "SELECT count(*) FROM orleans_membership_version WHERE deployment_id = @d", ("d", clusterId)));
            var statuses = await OrleansContractDb.RowsAsync(cs,
                "SELECT status, proxy_port FROM orleans_membership WHERE deployment_id = @d ORDER BY proxy_port", ("d", clusterId));
            Assert.Equal(2, statuses.Count);
            Assert.All(statuses, row => Assert.Equal((int)SiloStatus.Active, (int)row[0]!));
            Assert.Equal(0, (int)statuses[0][1]!);

            // A client that only knows the database finds silo A (the only gateway) and calls into the cluster.
            client = OrleansContractDb.BuildClient(cs, clusterId, "svc");
            await client.StartAsync();
            var gateways = await client.Services.GetRequiredService<IGatewayListProvider>().GetGatewaysAsync();
            Assert.Equal((int)statuses[1][1]!, Assert.Single(gateways).Port);
            var hosts = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(true);
            Assert.Equal(2, hosts.Count);

            // Graceful stop: silo B writes itself Dead, then silo A's cleanup agent removes the expired Dead row.
            var siloBPort = siloB.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint.Port;
            await siloB.StopAsync();
            await OrleansContractDb.WaitUntilAsync(async () => await OrleansContractDb.ScalarAsync<long>(cs,
                    "SELECT count(*) FROM orleans_membership WHERE deployment_id = @d AND port = @p",
                    ("d", clusterId), ("p", siloBPort)) == 0,
                TimeSpan.FromSeconds(20), "the Dead row of silo B to be cleaned up");
            Assert.Equal((int)SiloStatus.Active, await OrleansContractDb.ScalarAsync<int>(cs,
                "SELECT status FROM orleans_membership WHERE deployment_id = @d", ("d", clusterId)));
            Assert.Single(await management.GetHosts(true));
            var history = (await OrleansContractDb.RowsAsync(cs, "SELECT status FROM test_status_log WHERE port = @p ORDER BY id", ("p", siloBPort)))
                .Select(row => (SiloStatus)(int)row[0]!).ToList();
            Assert.Contains(SiloStatus.Active, history);
            Assert.Equal(SiloStatus.Dead, history[^1]);
        }
        finally
        {
            if (client is not null) await OrleansContractDb.StopAndDisposeAsync(client);
            await OrleansContractDb.StopAndDisposeAsync(siloB);
            await OrleansContractDb.StopAndDisposeAsync(siloA);
        }
    }
}
