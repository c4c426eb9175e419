namespace HomeService.Web.Auth;

/// <summary>What a password people choose themselves must be: 8 to 128 characters with at least one letter and one digit.</summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    /// <summary>The validation code for the password, or null when it is good enough.</summary>
    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) ? "required"
        : password.Length < MinLength ? $"min_length:{MinLength}"
        : password.Length > MaxLength ? $"max_length:{MaxLength}"
        : !password.Any(char.IsLetter) || !password.Any(char.IsDigit) ? "letter-and-digit"
        : null;
}
