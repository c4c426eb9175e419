using Npgsql;

namespace HomeService.Sms.Providers;

/// <summary>
/// The stand-in for a provider in development, the demo and most tests: it sends nothing and keeps each message, as the
/// phone would show it, in <c>sms_dev_inbox</c>, which admins read at /admin/sms/dev. Like a real provider it refuses a
/// number that is not a mainland mobile, and a repeated out id adds nothing.
/// </summary>
public sealed class DevelopmentSmsProvider(NpgsqlDataSource db, DevelopmentSmsSettings settings) : ISmsProvider
{
    public const string InvalidNumber = "dev.INVALID_NUMBER";

    public string Name => "development";
    public string SignName => settings.SignName;

    public async Task<SmsSendOutcome> Send(SmsOutgoing message, CancellationToken ct)
    {
        if (!PhoneNumber.IsMobile(message.Phone)) return SmsSendOutcome.Refused(InvalidNumber, "not a mainland mobile number");
        await using var cmd = db.CreateCommand("""
            INSERT INTO sms_dev_inbox (out_id, phone, sign_name, template, text) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (out_id) DO NOTHING
            """);
        foreach (var value in new object[] { message.OutId, message.Phone, settings.SignName, message.Template.Kind, message.Text })
            cmd.Parameters.Add(new() { Value = value });
        await cmd.ExecuteNonQueryAsync(ct);
        return SmsSendOutcome.Accepted("dev-" + message.OutId.ToString("N"));
    }

    public async Task<string?> FindSent(SmsOutgoing message, DateTimeOffset since, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT 1 FROM sms_dev_inbox WHERE out_id = $1");
        cmd.Parameters.Add(new() { Value = message.OutId });
        return await cmd.ExecuteScalarAsync(ct) is null ? null : "dev-" + message.OutId.ToString("N");
    }

    /// <summary>The development "phone" has every message the moment it is sent.</summary>
    public async Task<SmsStatus?> Status(SmsSentRecord message, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT 1 FROM sms_dev_inbox WHERE out_id = $1");
        cmd.Parameters.Add(new() { Value = message.OutId });
        return await cmd.ExecuteScalarAsync(ct) is null ? null : new SmsStatus(true, true, "DELIVERED", null);
    }
}
