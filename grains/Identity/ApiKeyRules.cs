namespace HomeService.Identity;

/// <summary>What a key must look like, when it works, and what a rotation may do; field names are the admin API's.</summary>
public static class ApiKeyRules
{
    public const int MaxName = 100;
    public const int MaxReason = 500;
    public static readonly TimeSpan MaxOverlap = TimeSpan.FromDays(30);

    /// <summary>A key works until it is revoked or its expiry (an instant, so the end of a rotation's overlap is exact) has come.</summary>
    public static bool Works(ApiKey key, DateTimeOffset now) => !key.Revoked && (key.ExpiresAt is not { } end || end > now);

    /// <summary>3 to 40 ASCII letters, digits, '-' or '_': what the web host lets reach a key grain at all.</summary>
    public static bool IsKeyId(string id) =>
        id.Length is >= 3 and <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>2 to 40 of a-z, 0-9, '-' and '_', starting with a letter or digit: it is part of the partner's orders' owner.</summary>
    public static bool IsPartnerId(string id) =>
        id.Length is >= 2 and <= 40 && (char.IsAsciiLetterLower(id[0]) || char.IsAsciiDigit(id[0]))
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    public static Dictionary<string, string[]> Validate(ApiKeyRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = ["required"];
        else if (name.Length > MaxName) errors["name"] = [$"max_length:{MaxName}"];
        else if (name.Any(char.IsControl)) errors["name"] = ["character"];
        if (string.IsNullOrWhiteSpace(request.Kind)) errors["kind"] = ["required"];
        else if (!ApiKeyKinds.All.Contains(request.Kind)) errors["kind"] = ["unknown"];
        else if (request.Kind == ApiKeyKinds.Partner)
        {
            var partner = request.PartnerId?.Trim() ?? "";
            if (partner.Length == 0) errors["partnerId"] = ["required"];
            else if (partner.Length > 40) errors["partnerId"] = ["max_length:40"];
            // A rotation inherits the partner as it is (a key from before partner ids speaks for its own key id).
            else if (request.RotatedFrom is null && !IsPartnerId(partner)) errors["partnerId"] = ["partner-format"];
        }
        if (request.ExpiresAt is { } expires && expires <= now) errors["expiresAt"] = ["in-the-past"];
        return errors;
    }

    /// <summary>Why this key cannot be rotated (it no longer works, or a newer key already took over), or null.</summary>
    public static string? RotationProblem(ApiKey key, DateTimeOffset now) =>
        key.Revoked ? "key-revoked" : key.RotatedTo is not null ? "key-rotated" : !Works(key, now) ? "key-expired" : null;

    /// <summary>The old key's end after a rotation: now plus the overlap, never later than it would have ended anyway.</summary>
    public static DateTimeOffset OverlapEnd(ApiKey key, TimeSpan overlap, DateTimeOffset now) =>
        key.ExpiresAt is { } end && end < now + overlap ? end : now + overlap;

    public static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "required" : reason.Trim().Length > MaxReason ? $"max_length:{MaxReason}"
        : reason.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? "character" : null;
}
