using HomeService.Sms;

namespace HomeService.Silo.Hosting;

/// <summary>Asks the providers about sent messages whose reports have not come, batch after batch, then rests a while.</summary>
public sealed class SmsStatusService(SmsStatusChaser chaser, SmsOptions options, ILogger<SmsStatusService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await chaser.Round(ct) < SmsStatusChaser.Batch) await Task.Delay(options.ChaseEvery, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "SMS status round failed; trying again");
                await Task.Delay(options.ChaseEvery, ct);
            }
        }
    }
}
