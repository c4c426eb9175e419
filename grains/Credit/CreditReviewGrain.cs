using HomeService.Workers;
using Npgsql;

namespace HomeService.Credit;

/// <summary>
/// Once a day, after the night's quiet hour, every admitted merchant's credit is looked at again without any new
/// event: old ratings and penalties fade, and a merchant whose active workers are all green (安心码) earns its bonus.
/// The workers' own grains say whether they are green, so the rule is the one the QR page and dispatch use.
/// </summary>
public sealed class CreditReviewGrain(NpgsqlDataSource db, TimeProvider clock) : Grain, ICreditReviewGrain, IRemindable
{
    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);
    private static readonly TimeSpan RunAt = TimeSpan.FromHours(3);

    public Task Start()
    {
        var now = clock.GetUtcNow().ToOffset(BeijingOffset);
        var next = new DateTimeOffset(now.Date + RunAt, BeijingOffset);
        if (next <= now) next = next.AddDays(1);
        return this.RegisterOrUpdateReminder("daily", next - now, TimeSpan.FromDays(1));
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => ReviewNow();

    public async Task<int> ReviewNow()
    {
        var merchants = new List<(string Id, string[] Workers)>();
        await using (var cmd = db.CreateCommand("""
            SELECT m.id, coalesce(array_agg(w.id ORDER BY w.id) FILTER (WHERE w.id IS NOT NULL), '{}')
            FROM merchant m LEFT JOIN worker w ON w.merchant_id = m.id AND w.active
            WHERE m.status IN ('Active', 'Warned') GROUP BY m.id ORDER BY m.id
            """))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) merchants.Add((r.GetString(0), r.GetFieldValue<string[]>(1)));

        foreach (var (merchantId, workers) in merchants)
        {
            var green = workers.Length > 0;
            foreach (var workerId in workers)
            {
                if (!green) break;
                var profile = await GrainFactory.GetGrain<IWorkerGrain>(workerId).GetProfile(merchantId);
                green = profile?.Safety.Color == SafetyColor.Green;
            }
            await GrainFactory.GetGrain<ICreditGrain>($"merchant:{merchantId}").Review(green);
        }
        return merchants.Count;
    }
}
