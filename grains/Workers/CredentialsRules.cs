namespace HomeService.Workers;

/// <summary>What recorded credentials must satisfy, as field errors with domain codes (dates judged in Beijing).</summary>
public static class CredentialsRules
{
    public const int MaxTrainings = 20;

    public static Dictionary<string, string[]> Validate(CredentialsUpdate u, bool idNumberOnFile, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(u.IdNumber))
            switch (ResidentIdNumber.Problem(u.IdNumber, today))
            {
                case "length": errors["idNumber"] = ["length:18"]; break;
                case "character": errors["idNumber"] = ["character"]; break;
                case "birth-date": errors["idNumber"] = ["birth-date"]; break;
                case "check": errors["idNumber"] = ["check-character"]; break;
            }
        else if (u.IdVerifiedOn is not null && !idNumberOnFile) errors["idNumber"] = ["required"];
        if (u.IdVerifiedOn > today) errors["idVerifiedOn"] = ["in-the-future"];
        if (u.BackgroundCheckedOn > today) errors["backgroundCheckedOn"] = ["in-the-future"];
        if (u.BackgroundCheckPassed is not null && u.BackgroundCheckedOn is null) errors["backgroundCheckedOn"] = ["required"];
        var trainings = u.Trainings ?? [];
        if (trainings.Count > MaxTrainings) errors["trainings"] = [$"max_count:{MaxTrainings}"];
        else if (trainings.Any(t => string.IsNullOrWhiteSpace(t.Name) || string.IsNullOrWhiteSpace(t.Issuer) || t.Name.Length > 100 || t.Issuer.Length > 100))
            errors["trainings"] = ["format"];
        else if (trainings.Any(t => t.On > today)) errors["trainings"] = ["in-the-future"];
        return errors;
    }
}
