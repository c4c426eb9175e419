using Npgsql;

namespace HomeService.Silo.Hosting;

/// <summary>
/// Uploads no application claimed in time are deleted with their bytes: the document upload is anonymous, so without this
/// anyone could fill the database with files nobody will ever look at. Photos are claimed as they are uploaded and stay.
/// Every silo may sweep; deleting the same rows twice is harmless.
/// </summary>
public sealed class UnclaimedUploadSweeper(NpgsqlDataSource db, UploadOptions options, ILogger<UnclaimedUploadSweeper> logger) : BackgroundService
{
    /// <summary>One sweep: deletes what stayed unclaimed longer than the setting; returns how many files.</summary>
    public async Task<int> Sweep(CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("DELETE FROM uploaded_file WHERE claimed_by IS NULL AND uploaded_at < now() - $1");
        cmd.Parameters.Add(new() { Value = options.UnclaimedKeptFor });
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await Sweep(ct) is > 0 and var removed) logger.LogInformation("Removed {Count} unclaimed uploads", removed);
                await Task.Delay(options.SweepEvery, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Unclaimed upload sweep failed; trying again");
                await Task.Delay(options.SweepEvery, ct);
            }
        }
    }
}

/// <summary>"HomeService:Uploads": how long an unclaimed upload is kept and how often they are looked for.</summary>
public sealed record UploadOptions(TimeSpan UnclaimedKeptFor, TimeSpan SweepEvery)
{
    public static UploadOptions From(IConfiguration config) => new(
        config.GetValue("HomeService:Uploads:UnclaimedKeptFor", TimeSpan.FromDays(1)),
        config.GetValue("HomeService:Uploads:SweepEvery", TimeSpan.FromHours(1)));
}
