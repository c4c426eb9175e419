using Npgsql;

namespace HomeService.Sms.Providers;

/// <summary>
/// The stand-in for a provider in development, the demo and most tests: it sends nothing and keeps each message, as the
/// phone would show it, in <c>sms_dev_inbox</c>, which admins read at /admin/sms/dev. Like a real provider it refuses a
/// number that is not a mainland mobile, and a repeated out id and number adds nothing (a batch shares its out id).
/// </summary>
public sealed class DevelopmentSmsProvider(NpgsqlDataSource db, DevelopmentSmsSettings settings) : ISmsProvider
{
    public const string InvalidNumber = "dev.INVALID_NUMBER";

    public string Name => "development";
    public string SignName => settings.SignName;
    public int MaxBatch => 100;

    public async Task<SmsSendOutcome> Send(SmsOutgoing message, CancellationToken ct)
    {
        if (!PhoneNumber.IsMobile(message.Phone)) return SmsSendOutcome.Refused(InvalidNumber, "not a mainland mobile number");
        await using var cmd = db.CreateCommand("""
            INSERT INTO sms_dev_inbox (out_id, phone, sign_name, template, text) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (out_id, phone) DO NOTHING
            """);
        foreach (var value in new object[] { message.OutId, message.Phone, settings.SignName, message.Template.Kind, message.Text })
            cmd.Parameters.Add(new() { Value = value });
        await cmd.ExecuteNonQueryAsync(ct);
        return SmsSendOutcome.Accepted(MessageId(message.OutId, message.Phone));
    }

    /// <summary>Each number of the batch as its own message: a bad number is refused alone.</summary>
    public async Task<IReadOnlyList<SmsSendOutcome>> SendBatch(SmsBatch batch, CancellationToken ct)
    {
        var outcomes = new List<SmsSendOutcome>();
        foreach (var phone in batch.Phones) outcomes.Add(await Send(batch.For(phone), ct));
        return outcomes;
    }

    public async Task<string?> FindSent(SmsOutgoing message, DateTimeOffset since, CancellationToken ct) =>
        await Has(message.OutId, message.Phone, ct) ? MessageId(message.OutId, message.Phone) : null;

    /// <summary>The development "phone" has every message the moment it is sent.</summary>
    public async Task<SmsStatus?> Status(SmsSentRecord message, CancellationToken ct) =>
        await Has(message.OutId, message.Phone, ct) ? new SmsStatus(true, true, "DELIVERED", null) : null;

    private async Task<bool> Has(Guid outId, string phone, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT 1 FROM sms_dev_inbox WHERE out_id = $1 AND phone = $2");
        cmd.Parameters.Add(new() { Value = outId });
        cmd.Parameters.Add(new() { Value = phone });
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>"dev-" and the out id; a batch's numbers share the out id, so their ids end with the number.</summary>
    private static string MessageId(Guid outId, string phone) => $"dev-{outId:N}-{phone}";
}
