namespace HomeService.CallCenter.Queues;

/// <summary>
/// A queue's id is its permanent key (calls, reports, routes and tiers point at it), so it is short and plain and never
/// changes; what people read are its names, which may change at any time without touching anything that points at it.
/// </summary>
public static class QueueIdentity
{
    public static Dictionary<string, string[]> Validate(QueueConfig config, bool isNew, IReadOnlyCollection<string> existing)
    {
        var errors = new Dictionary<string, string[]>();
        if (isNew)
        {
            var id = config.QueueId;
            if (string.IsNullOrWhiteSpace(id)) errors["queueId"] = ["required"];
            else if (id.Length is < 2 or > 32 || !char.IsAsciiLetterLower(id[0]) || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                errors["queueId"] = ["queue-id-format"];
            else if (existing.Contains(id) || id is "outbound" or "voicemail") errors["queueId"] = ["exists"];
        }
        Name(errors, "nameZh", config.NameZh);
        Name(errors, "nameEn", config.NameEn);
        return errors;
    }

    private static void Name(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = ["required"];
        else if (value.Trim().Length > 40) errors[field] = ["max_length:40"];
        else if (value.Any(char.IsControl)) errors[field] = ["character"];
    }
}
