namespace HomeService.Sms;

/// <summary>
/// Which ready rows share a provider request: a group notice's rows with the same template and parameters (one message
/// for many numbers), in chunks no larger than every provider takes, so a batch can fail over whole. Everything else,
/// and a row that is to be dead-lettered before any provider sees it, goes alone.
/// </summary>
public static class SmsBatching
{
    /// <summary>How many of a group notice's rows fall due together: Alibaba Cloud's SendBatchSms maximum, the smallest provider's.</summary>
    public const int Chunk = 100;

    public sealed record Split(IReadOnlyList<IReadOnlyList<SmsOutboxStore.Due>> Batches, IReadOnlyList<SmsOutboxStore.Due> Alone);

    public static Split Form(IEnumerable<SmsOutboxStore.Due> ready, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var alone = new List<SmsOutboxStore.Due>();
        var batches = new List<IReadOnlyList<SmsOutboxStore.Due>>();
        var grouped = new Dictionary<(string, string, string, string?, string?), List<SmsOutboxStore.Due>>();
        foreach (var d in ready)
        {
            if (d.GroupNoticeId is null || d.Phone is null || d.OptedOut || SmsTemplates.Find(d.Template) is null)
            {
                alone.Add(d);
                continue;
            }
            var key = (d.GroupNoticeId, d.Template, d.ParamsJson, d.CategoryName, d.AvoidProvider);
            if (!grouped.TryGetValue(key, out var rows)) grouped[key] = rows = [];
            rows.Add(d);
        }
        foreach (var rows in grouped.Values)
        {
            // A number twice in one request would be two messages under one out id and number: the second starts the next chunk.
            var chunk = new List<SmsOutboxStore.Due>();
            foreach (var d in rows)
            {
                if (chunk.Count == max || chunk.Any(c => c.Phone == d.Phone))
                {
                    batches.Add(chunk);
                    chunk = [];
                }
                chunk.Add(d);
            }
            if (chunk.Count > 0) batches.Add(chunk);
        }
        return new Split(batches, alone);
    }
}
