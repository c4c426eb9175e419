using System.Globalization;

namespace HomeService.CallCenter.Campaigns;

/// <summary>What a campaign must be to start dialling; field names are those of <c>POST /api/campaigns</c>.</summary>
public static class CampaignSpecRules
{
    public const int MaxNumbers = 5000;
    public const int MaxPacing = 50;
    public const int MaxAttempts = 10;

    public static Dictionary<string, string[]> Check(CampaignSpec spec)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(spec.Name)) errors["name"] = ["required"];
        else if (spec.Name.Length > 100) errors["name"] = ["max_length:100"];
        if (spec.Kind is not (CampaignSpec.FollowUp or CampaignSpec.Notice)) errors["kind"] = ["unknown"];
        if (string.IsNullOrWhiteSpace(spec.Prompt)) errors["prompt"] = ["required"];
        else if (spec.Prompt.Length > 500) errors["prompt"] = ["max_length:500"];
        if (spec.Numbers.Count == 0) errors["numbers"] = ["required"];
        else if (spec.Numbers.Count > MaxNumbers) errors["numbers"] = [$"max_count:{MaxNumbers}"];
        else if (spec.Numbers.Any(n => !PhoneNumber.IsDialable(n.Number))) errors["numbers"] = ["format"];
        if (spec.Pacing is < 1 or > MaxPacing) errors["pacing"] = [$"range:1-{MaxPacing}"];
        if (spec.RetryAfterMinutes is < 1 or > 24 * 60) errors["retryAfterMinutes"] = ["range:1-1440"];
        if (spec.MaxAttempts is < 1 or > MaxAttempts) errors["maxAttempts"] = [$"range:1-{MaxAttempts}"];
        if (!TryParseTime(spec.AllowedFrom, out _)) errors["allowedFrom"] = ["format"];
        if (!TryParseTime(spec.AllowedTo, out _)) errors["allowedTo"] = ["format"];
        return errors;
    }

    /// <summary>A campaign's allowed hours are written "HH:mm".</summary>
    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
