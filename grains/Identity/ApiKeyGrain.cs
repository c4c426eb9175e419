using System.Security.Cryptography;
using HomeService.Audit;
using HomeService.EventLog;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HomeService.Identity;

/// <summary>
/// One API key. Issue, rotate and revoke are events with their api_key row and audit line in one transaction. Every web
/// host asks this grain on each request, so a revoked or expired key is refused everywhere at once. The last use is not
/// an event: it is kept in memory and written to the api_key row by a timer (about once a minute) and on deactivation.
/// </summary>
public sealed class ApiKeyGrain(
    [PersistentState("apikey", "Default")] IPersistentState<ApiKeyState> state,
    IEventLog log,
    NpgsqlDataSource db,
    ApiKeyOptions options,
    TimeProvider clock,
    ILogger<ApiKeyGrain> logger) : Grain, IApiKeyGrain
{
    public static readonly EventCodec Codec = new("api_key", ("ApiKeyIssued", typeof(ApiKeyIssued)),
        ("ApiKeyRotated", typeof(ApiKeyRotated)), ("ApiKeyRevoked", typeof(ApiKeyRevoked)));
    private Journal<ApiKeyState> _journal = null!;
    private DateTimeOffset? _lastUsed;
    private DateTimeOffset? _lastWritten;
    private IGrainTimer? _lastUseWriter;

    private ApiKey? Key => _journal.State.Key;
    private string KeyId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<ApiKeyState>(state, log, Codec, KeyId, this);
        await _journal.CatchUp(ct);
        if (Key is null) return;
        await using var cmd = db.CreateCommand("SELECT last_used_at FROM api_key WHERE key_id = $1");
        cmd.Parameters.Add(new() { Value = KeyId });
        _lastUsed = _lastWritten = await cmd.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        try
        {
            await WriteLastUse(ct);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Last use of API key {KeyId} not written", KeyId);
        }
        await _journal.Flush(ct);
    }

    public async Task<CommandResult<ApiKeyView>> Issue(ApiKeyRequest request, byte[] secretHash, string actor)
    {
        if (secretHash.Length != SHA256.HashSizeInBytes) throw new ArgumentException("Not a SHA-256 hash.", nameof(secretHash));
        var now = clock.GetUtcNow();
        var errors = ApiKeyRules.Validate(request, now);
        if (!ApiKeyRules.IsKeyId(KeyId)) errors["keyId"] = ["format"];
        else if (Key is not null) errors["keyId"] = ["exists"];
        if (errors.Count > 0) return CommandResult<ApiKeyView>.Invalid(errors);
        var stored = new ApiKey(KeyId, request.Name.Trim(), request.Kind, secretHash, null, false,
            PartnerId: request.Kind == ApiKeyKinds.Partner ? request.PartnerId!.Trim() : null,
            ExpiresAt: request.ExpiresAt?.ToUniversalTime(), IssuedAt: now, RotatedFrom: request.RotatedFrom);
        await _journal.Record(new ApiKeyIssued(stored), actor, now, new ReadModelWrite("""
            INSERT INTO api_key (key_id, name, kind, merchant_id, partner_id, expires_at, created_at, rotated_from)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, KeyId, stored.Name, stored.Kind, stored.MerchantId, stored.PartnerId, stored.ExpiresAt, now, stored.RotatedFrom),
            AuditTrail.Row(actor, "api_key.issue", "api_key", KeyId, null, Audited(stored), now));
        return CommandResult<ApiKeyView>.Ok(View(Key!));
    }

    public async Task<CommandResult<ApiKeyView>> Rotate(ApiKeyRotation rotation, string actor)
    {
        if (rotation.NewKeyId == KeyId) throw new ArgumentException("A key cannot be rotated to itself.", nameof(rotation));
        if (Key is not { } key) return Invalid("keyId", "unknown");
        var now = clock.GetUtcNow();
        if (ApiKeyRules.RotationProblem(key, now) is { } problem) return Invalid("keyId", problem);
        if (rotation.Overlap < TimeSpan.Zero || rotation.Overlap > ApiKeyRules.MaxOverlap)
            return Invalid("overlapMinutes", $"range:0-{(int)ApiKeyRules.MaxOverlap.TotalMinutes}");
        // The new key inherits name, kind and partner; its grain checks the rest (its expiry) and records its own issue.
        var issued = await GrainFactory.GetGrain<IApiKeyGrain>(rotation.NewKeyId)
            .Issue(new ApiKeyRequest(key.Name, key.Kind, key.PartnerId, rotation.NewExpiresAt, RotatedFrom: KeyId), rotation.NewSecretHash, actor);
        if (!issued.Succeeded) return issued;
        now = clock.GetUtcNow();
        await Change(new ApiKeyRotated(rotation.NewKeyId, ApiKeyRules.OverlapEnd(key, rotation.Overlap, now)), actor, "api_key.rotate", now);
        return issued;
    }

    public async Task<CommandResult<ApiKeyView>> Revoke(string reason, string actor)
    {
        if (Key is not { } key) return Invalid("keyId", "unknown");
        if (ApiKeyRules.ReasonProblem(reason) is { } problem) return Invalid("reason", problem);
        if (key.Revoked) return CommandResult<ApiKeyView>.Ok(View(key));
        var now = clock.GetUtcNow();
        await Change(new ApiKeyRevoked(reason.Trim(), now), actor, "api_key.revoke", now);
        return CommandResult<ApiKeyView>.Ok(View(Key!));
    }

    public Task<ApiKeyView?> Get() => Task.FromResult(Key is { } key ? View(key) : null);

    public Task<ApiKeyIdentity?> Authenticate(byte[] secretHash)
    {
        var now = clock.GetUtcNow();
        if (Key is not { } key || !ApiKeyRules.Works(key, now) || !CryptographicOperations.FixedTimeEquals(secretHash, key.SecretHash))
            return Task.FromResult<ApiKeyIdentity?>(null);
        _lastUsed = now;
        _lastUseWriter ??= this.RegisterGrainTimer(WriteLastUse,
            new GrainTimerCreationOptions(options.LastUsedWriteEvery, options.LastUsedWriteEvery) { Interleave = true, KeepAlive = false });
        return Task.FromResult<ApiKeyIdentity?>(new ApiKeyIdentity(key.KeyId, key.Name, key.Kind, key.PartnerId, key.MerchantId));
    }

    /// <summary>Writes the last use if it moved since the last write; GREATEST keeps a slower, older write from going back in time.</summary>
    private async Task WriteLastUse(CancellationToken ct)
    {
        if (_lastUsed is not { } used || used == _lastWritten) return;
        await using var cmd = db.CreateCommand("UPDATE api_key SET last_used_at = GREATEST(last_used_at, $2) WHERE key_id = $1");
        cmd.Parameters.Add(new() { Value = KeyId });
        cmd.Parameters.Add(new() { Value = used });
        await cmd.ExecuteNonQueryAsync(ct);
        _lastWritten = used;
    }

    /// <summary>Appends the event with the key's row as it now stands and an audit line of before and after.</summary>
    private Task Change(object e, string actor, string action, DateTimeOffset now)
    {
        var was = Audited(Key!);
        return _journal.Record(e, actor, now, s =>
        [
            new ReadModelWrite("UPDATE api_key SET expires_at = $2, revoked_at = $3, revoked_reason = $4, rotated_to = $5 WHERE key_id = $1",
                KeyId, s.Key!.ExpiresAt, s.Key.RevokedAt, s.Key.RevokedReason, s.Key.RotatedTo),
            AuditTrail.Row(actor, action, "api_key", KeyId, was, Audited(s.Key), now),
        ]);
    }

    private ApiKeyView View(ApiKey k) =>
        new(k.KeyId, k.Name, k.Kind, k.PartnerId, k.IssuedAt, k.ExpiresAt, k.RevokedAt, k.RevokedReason, k.RotatedTo, k.RotatedFrom, _lastUsed);

    /// <summary>The key as the audit log shows it: never the secret's hash.</summary>
    private static AuditedKey Audited(ApiKey k) =>
        new(k.KeyId, k.Name, k.Kind, k.PartnerId, k.ExpiresAt, k.Revoked, k.RevokedReason, k.RotatedTo, k.RotatedFrom);

    private sealed record AuditedKey(string KeyId, string Name, string Kind, string? PartnerId, DateTimeOffset? ExpiresAt, bool Revoked,
        string? RevokedReason, string? RotatedTo, string? RotatedFrom);

    private static CommandResult<ApiKeyView> Invalid(string field, string code) =>
        CommandResult<ApiKeyView>.Invalid(new Dictionary<string, string[]> { [field] = [code] });
}
