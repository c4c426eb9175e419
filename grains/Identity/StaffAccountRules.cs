namespace HomeService.Identity;

/// <summary>
/// What a staff account (the center's own people: admins, supervisors, agents) must look like. Merchants', workers' and
/// residents' accounts come from their own flows; an administrator may disable, unlock or reset them but not give them
/// staff roles.
/// </summary>
public static class StaffAccountRules
{
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Admin, Roles.Supervisor, Roles.Agent];
    public const int MaxDisplayName = 50;
    public const int MaxReason = 500;

    public static bool IsStaff(IReadOnlyList<string> roles) => roles.Count > 0 && roles.All(StaffRoles.Contains);

    /// <summary>3 to 32 of a-z, 0-9, '.', '_' and '-', starting with a letter: never a phone number, which names a resident.</summary>
    public static string? LoginProblem(string? login) =>
        string.IsNullOrWhiteSpace(login) ? "required"
        : login.Length > 32 ? "max_length:32"
        : login.Length < 3 ? "min_length:3"
        : !char.IsAsciiLetterLower(login[0]) || !login.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-') ? "login-format"
        : null;

    public static Dictionary<string, string[]> Validate(AccountEdit edit)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(edit.DisplayName)) errors["displayName"] = ["required"];
        else if (edit.DisplayName.Trim().Length > MaxDisplayName) errors["displayName"] = [$"max_length:{MaxDisplayName}"];
        else if (edit.DisplayName.Any(char.IsControl)) errors["displayName"] = ["character"];
        if (edit.Roles.Count == 0) errors["roles"] = ["required"];
        else if (!edit.Roles.All(StaffRoles.Contains)) errors["roles"] = ["unknown"];
        else if (edit.Roles.Distinct().Count() != edit.Roles.Count) errors["roles"] = ["duplicate"];
        if (edit.Roles.Contains(Roles.Agent) && string.IsNullOrWhiteSpace(edit.AgentId)) errors["agentId"] = ["required"];
        if (edit.TeamId is { Length: > 32 }) errors["teamId"] = ["max_length:32"];
        return errors;
    }

    public static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "required" : reason.Trim().Length > MaxReason ? $"max_length:{MaxReason}" : null;
}
