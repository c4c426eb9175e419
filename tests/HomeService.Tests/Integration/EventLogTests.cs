using HomeService.EventLog;
using HomeService.Silo.Database;
using HomeService.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HomeService.Tests.Integration;

/// <summary>The group-commit event log against a real PostgreSQL with our schema.</summary>
public sealed class EventLogTests : IAsyncLifetime
{
    private NpgsqlDataSource _db = null!;
    private GroupCommitEventLog _log = null!;

    public async Task InitializeAsync()
    {
        _db = NpgsqlDataSource.Create(await PostgresServer.Shared.CreateDatabaseAsync());
        await new SchemaMigrator(_db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        _log = new GroupCommitEventLog(_db, NullLogger<GroupCommitEventLog>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _log.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static EventRecord Event(string id, int version, string type = "Noted") =>
        new("test_aggregate", id, version, type, $$"""{"n":{{version}}}""", "tester", DateTimeOffset.UtcNow);

    private static ReadModelWrite Row(string id, int version) =>
        new("INSERT INTO broadcast (id, text, author, posted_at, expires_at) VALUES ($1, $2, 'tester', now(), now())", Guid.NewGuid(), $"{id}#{version}");

    [Fact]
    public async Task Many_concurrent_appends_are_all_committed_before_they_are_acknowledged()
    {
        var appends = Enumerable.Range(0, 400).Select(i => _log.AppendAsync(EventAppend.Of(Event($"agg-{i % 40}", i / 40 + 1), Row($"agg-{i % 40}", i / 40 + 1)))).ToList();
        // Appends of one aggregate must be issued in version order; group the 400 into 10 waves of 40 aggregates.
        await Task.WhenAll(appends);

        Assert.Equal(400L, await Scalar("SELECT count(*) FROM event_log WHERE aggregate_type = 'test_aggregate'"));
        Assert.Equal(400L, await Scalar("SELECT count(*) FROM broadcast WHERE text LIKE 'agg-%'"));
        var events = await _log.ReadAsync("test_aggregate", "agg-7", 0);
        Assert.Equal(Enumerable.Range(1, 10), events.Select(e => e.Version));
    }

    [Fact]
    public async Task A_version_conflict_fails_only_that_command_and_writes_none_of_its_rows()
    {
        await _log.AppendAsync(EventAppend.Of(Event("conflict", 1), Row("conflict", 1)));

        var duplicate = _log.AppendAsync(EventAppend.Of(Event("conflict", 1, "Duplicate"), Row("conflict-dup", 1)));
        var innocent = Enumerable.Range(1, 20).Select(i => _log.AppendAsync(EventAppend.Of(Event($"innocent-{i}", 1), Row($"innocent-{i}", 1)))).ToList();

        await Assert.ThrowsAsync<EventVersionConflictException>(() => duplicate);
        await Task.WhenAll(innocent);
        Assert.Equal(0L, await Scalar("SELECT count(*) FROM broadcast WHERE text LIKE 'conflict-dup%'"));
        Assert.Equal(0L, await Scalar("SELECT count(*) FROM event_log WHERE event_type = 'Duplicate'"));
        Assert.Equal(20L, await Scalar("SELECT count(*) FROM event_log WHERE aggregate_id LIKE 'innocent-%'"));
    }

    [Fact]
    public async Task The_log_refuses_updates_and_deletes()
    {
        await _log.AppendAsync(EventAppend.Of(Event("immutable", 1)));
        await Assert.ThrowsAsync<PostgresException>(() => Scalar("UPDATE event_log SET event_type = 'Changed' WHERE aggregate_id = 'immutable' RETURNING 1"));
        await Assert.ThrowsAsync<PostgresException>(() => Scalar("DELETE FROM event_log WHERE aggregate_id = 'immutable' RETURNING 1"));
        Assert.Single(await _log.ReadAsync("test_aggregate", "immutable", 0));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing_and_an_edited_script_is_refused()
    {
        var migrator = new SchemaMigrator(_db, NullLogger<SchemaMigrator>.Instance);
        var tablesBefore = await Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Equal(0, await migrator.MigrateAsync());
        Assert.Equal(tablesBefore, await Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));

        await Scalar("UPDATE schema_migration SET checksum = 'edited' WHERE version = 5 RETURNING 1");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());
        Assert.Contains("005_event_log.sql", error.Message);
    }

    private async Task<object?> Scalar(string sql)
    {
        await using var cmd = _db.CreateCommand(sql);
        return await cmd.ExecuteScalarAsync();
    }
}
