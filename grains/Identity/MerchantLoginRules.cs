namespace HomeService.Identity;

/// <summary>
/// How merchants' logins are named and what a staff login request must hold.
/// <para>The administrator's login is the merchant id in lower case (M1001 → <c>m1001</c>): unique without anyone choosing
/// it, short enough to type on a phone, and it says whose it is in every list and audit line. Only if a center admin
/// already took that name does it fall back to <c>m1001-admin</c>, <c>m1001-admin2</c>, ….</para>
/// <para>Staff logins carry the company's prefix (<c>m1001-</c> and a name the administrator chooses): two companies can
/// never collide, and no merchant can make a login that passes for the center's own staff.</para>
/// </summary>
public static class MerchantLoginRules
{
    /// <summary>The roles a merchant's administrator may give.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.MerchantDispatcher, Roles.Worker];

    public const int MaxDisplayName = 50;

    public static string Prefix(string merchantId) => merchantId.ToLowerInvariant() + "-";

    public static IEnumerable<string> AdminLogins(string merchantId)
    {
        var id = merchantId.ToLowerInvariant();
        yield return id;
        yield return $"{id}-admin";
        for (var i = 2; i <= 9; i++) yield return $"{id}-admin{i}";
    }

    /// <summary>A merchant that was admitted and has not left: Active, Warned or Suspended (a suspended one still reads its desk).</summary>
    public static bool Admitted(string status) => status is "Active" or "Warned" or "Suspended";

    public static string AdminDisplayName(string? contactName, string company) =>
        string.IsNullOrWhiteSpace(contactName) ? company : $"{contactName.Trim()}（{company}）";

    /// <summary>Field errors of a staff login request, before anything is looked up.</summary>
    public static Dictionary<string, string[]> Validate(MerchantStaffLogin request, string merchantId)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Role)) errors["role"] = ["required"];
        else if (!StaffRoles.Contains(request.Role)) errors["role"] = ["unknown"];
        var prefix = Prefix(merchantId);
        if (StaffAccountRules.LoginProblem(request.Login) is { } problem) errors["login"] = [problem];
        else if (!request.Login.StartsWith(prefix, StringComparison.Ordinal) || request.Login.Length == prefix.Length) errors["login"] = [$"prefix:{prefix}"];
        var name = request.DisplayName.Trim();
        if (name.Length == 0 && request.Role != Roles.Worker) errors["displayName"] = ["required"];
        else if (name.Length > MaxDisplayName) errors["displayName"] = [$"max_length:{MaxDisplayName}"];
        else if (name.Any(char.IsControl)) errors["displayName"] = ["character"];
        if (request.Role == Roles.Worker && string.IsNullOrWhiteSpace(request.WorkerId)) errors["workerId"] = ["required"];
        else if (request.WorkerId is { Length: > 32 }) errors["workerId"] = ["unknown"];
        return errors;
    }
}
