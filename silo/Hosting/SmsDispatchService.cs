using HomeService.Sms;
using Npgsql;

namespace HomeService.Silo.Hosting;

/// <summary>
/// Runs the SMS sender on this silo: round after round while there is work; when the outbox is empty it waits for the
/// outbox's NOTIFY (sent when a transaction that owes messages commits), or a second at most, for retries falling due.
/// </summary>
public sealed class SmsDispatchService(SmsSender sender, NpgsqlDataSource db, ILogger<SmsDispatchService> logger)
    : BackgroundService
{
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        NpgsqlConnection? listener = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    listener ??= await Listen(ct);
                    if (await sender.Round(ct) < SmsSender.Batch) await listener.WaitAsync(LongestWait, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "SMS round failed; trying again");
                    if (listener is not null) await listener.DisposeAsync();
                    listener = null;
                    await Task.Delay(TimeSpan.FromSeconds(2), ct);
                }
            }
        }
        finally
        {
            if (listener is not null) await listener.DisposeAsync();
        }
    }

    private async Task<NpgsqlConnection> Listen(CancellationToken ct)
    {
        var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("LISTEN notification_outbox", conn);
        await cmd.ExecuteNonQueryAsync(ct);
        return conn;
    }
}
