namespace HomeService.Workers;

/// <summary>What a worker's details must have, as field errors with domain codes; and their tidy form.</summary>
public static class WorkerDetailsRules
{
    public static WorkerDetails Normalize(WorkerDetails d) => d with
    {
        Name = (d.Name ?? "").Trim(), Phone = PhoneNumber.Normalize(d.Phone ?? ""),
        Skills = (d.Skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList(),
        Languages = (d.Languages ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList(),
    };

    /// <param name="knownSkill">Skills are the catalogue's category codes a worker can serve.</param>
    public static Dictionary<string, string[]> Validate(WorkerDetails d, Func<string, bool> knownSkill)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(d.Name)) errors["name"] = ["required"];
        else if (d.Name.Length > 30) errors["name"] = ["max_length:30"];
        if (!PhoneNumber.IsMobile(d.Phone)) errors["phone"] = ["format:phone"];
        if (d.Skills.Count == 0) errors["skills"] = ["required"];
        else if (d.Skills.Any(s => !knownSkill(s))) errors["skills"] = ["unknown"];
        if (d.Languages.Count > 10 || d.Languages.Any(l => l.Length > 20)) errors["languages"] = ["format"];
        if (d.YearsOfExperience is < 0 or > 60) errors["yearsOfExperience"] = ["range:0–60"];
        return errors;
    }
}
