namespace HomeService.Silo.Database;

/// <summary>
/// Registered before Orleans, so the schema (including the providers' query table) exists before the
/// clustering, storage and reminder providers read it.
/// </summary>
public sealed class SchemaMigrationService(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken ct) => migrator.MigrateAsync(ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
