namespace HomeService.Settings;

/// <summary>Settings within their ranges: wide enough for any real center, narrow enough that a typo cannot stop dispatch.</summary>
public static class SystemSettingsRules
{
    public static Dictionary<string, string[]> Validate(SystemSettings s)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value) in SystemSettingsFields.Values(s))
        {
            var (min, max) = SystemSettingsFields.Ranges[field];
            if (value < min || value > max) errors[field] = [$"range:{min}-{max}"];
        }
        // Empty means nobody is on duty by SMS; anything else must be a mobile, since a landline cannot take an SMS.
        if (!string.IsNullOrEmpty(s.DutyPhone) && !PhoneNumber.IsMobile(s.DutyPhone)) errors[SystemSettingsFields.DutyPhone] = ["mobile"];
        return errors;
    }
}
