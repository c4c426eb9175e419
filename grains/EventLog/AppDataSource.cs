using Npgsql;

namespace HomeService.EventLog;

/// <summary>
/// The silo's PostgreSQL connections: the event log, the read-model queries and the Orleans providers. The same few
/// statements run thousands of times a second, so each is prepared once per connection instead of parsed and
/// planned every time, and a pooled connection is not reset on return: nothing here leaves session state behind
/// (the advisory locks of the migrator and the seeder are released in <c>finally</c>).
/// </summary>
public static class AppDataSource
{
    public static NpgsqlDataSource Create(string connectionString) => NpgsqlDataSource.Create(Tuned(connectionString));

    public static string Tuned(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = 128,
            AutoPrepareMinUsages = 2,
            NoResetOnClose = true,
        }.ConnectionString;
}
