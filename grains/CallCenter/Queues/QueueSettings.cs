namespace HomeService.CallCenter.Queues;

/// <summary>The rules a queue's settings must follow, as field errors with domain codes.</summary>
public static class QueueSettings
{
    public static Dictionary<string, string[]> Validate(QueueConfig config, IReadOnlyCollection<string> queueIds, IReadOnlyCollection<string> agentIds)
    {
        var errors = new Dictionary<string, string[]>();
        void Range(string field, int value, int min, int max)
        {
            if (value < min || value > max) errors[field] = [$"range:{min}-{max}"];
        }
        Range("ringTimeoutSeconds", config.RingTimeoutSeconds, 5, 120);
        Range("maxNoAnswers", config.MaxNoAnswers, 1, 10);
        Range("wrapUpSeconds", config.WrapUpSeconds, 0, 600);
        Range("maxWaitSeconds", config.MaxWaitSeconds, 0, 3600);
        Range("announceEverySeconds", config.AnnounceEverySeconds, 0, 600);
        if (config.OverflowQueueId is { } overflow && (overflow == config.QueueId || !queueIds.Contains(overflow)))
            errors["overflowQueueId"] = ["unknown"];
        if (config.Tiers.Count is 0 or > 5 || config.Tiers[0].AfterSeconds != 0) errors["tiers"] = ["tiers"];
        else if (config.Tiers.Any(t => string.IsNullOrWhiteSpace(t.Skill) || t.MinProficiency is < 1 or > 5 || t.AfterSeconds is < 0 or > 3600))
            errors["tiers"] = ["tiers"];
        if (config.TopDownOrder.Any(a => !agentIds.Contains(a))) errors["topDownOrder"] = ["unknown"];
        return errors;
    }
}
