using HomeService.EventLog;

namespace HomeService.Identity;

/// <summary>A key issued. Events written before partners had ids carry no partner id: such a partner key speaks for its own id.</summary>
public sealed record ApiKeyIssued(ApiKey Key);

/// <summary>A new key took over; this one works until <paramref name="EndsAt"/>.</summary>
public sealed record ApiKeyRotated(string RotatedTo, DateTimeOffset EndsAt);

public sealed record ApiKeyRevoked(string Reason, DateTimeOffset At);

public sealed class ApiKeyState : IAggregateState
{
    public int Version { get; set; }
    public ApiKey? Key { get; set; }

    public void Apply(object e)
    {
        if (e is ApiKeyIssued issued)
        {
            Key = issued.Key.Kind == ApiKeyKinds.Partner && issued.Key.PartnerId is null ? issued.Key with { PartnerId = issued.Key.KeyId } : issued.Key;
            return;
        }
        if (Key is null) throw new ArgumentException($"API key event {e.GetType().Name} before the key exists");
        Key = e switch
        {
            ApiKeyRotated rotated => Key with { RotatedTo = rotated.RotatedTo, ExpiresAt = rotated.EndsAt },
            ApiKeyRevoked revoked => Key with { Revoked = true, RevokedAt = revoked.At, RevokedReason = revoked.Reason },
            _ => throw new ArgumentException($"Unknown API key event {e.GetType().Name}"),
        };
    }
}
