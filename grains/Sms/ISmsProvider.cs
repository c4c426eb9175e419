namespace HomeService.Sms;

/// <summary>
/// One SMS provider's HTTP API, behind the one shape the sender uses. A provider never throws for what it answered:
/// a refusal it documents comes back as <see cref="SmsSendStatus.Refused"/> or <see cref="SmsSendStatus.Retry"/>
/// with its own code; only a network failure or timeout throws, and the sender treats that as "ask again later".
/// </summary>
public interface ISmsProvider
{
    /// <summary>"aliyun", "tencent" or "development": what the SMS log shows and configuration names.</summary>
    string Name { get; }

    /// <summary>The sign name (签名) approved with this provider; it heads every message and counts towards its length.</summary>
    string SignName { get; }

    /// <summary>The most numbers one batch request may carry (Alibaba Cloud's SendBatchSms: 100, Tencent Cloud's SendSms: 200).</summary>
    int MaxBatch { get; }

    Task<SmsSendOutcome> Send(SmsOutgoing message, CancellationToken ct);

    /// <summary>
    /// One message to several numbers in one request, under one out id; an outcome per number, in the batch's order. A
    /// refusal of the whole request comes back as that outcome for every number.
    /// </summary>
    Task<IReadOnlyList<SmsSendOutcome>> SendBatch(SmsBatch batch, CancellationToken ct);

    /// <summary>
    /// The provider's id for a message it already took under this out id, or null. Asked before re-sending a message whose
    /// earlier attempt has no recorded answer (the sender died between the provider's answer and writing it down).
    /// </summary>
    Task<string?> FindSent(SmsOutgoing message, DateTimeOffset since, CancellationToken ct);

    /// <summary>
    /// Where a message it took stands, by the provider's status query, for a message whose report has not come; null
    /// when the provider has no record of it (it keeps status for 24 hours).
    /// </summary>
    Task<SmsStatus?> Status(SmsSentRecord message, CancellationToken ct);
}

/// <summary>A message ready for a provider: the outbox id (or its batch's out id) as its out id, the number, the template and its values in order.</summary>
public sealed record SmsOutgoing(Guid OutId, string Phone, SmsTemplate Template, string TemplateCode,
    IReadOnlyDictionary<string, string> Values, string Text);

/// <summary>
/// The same message for several numbers (one group notice's recipients): one out id for the whole batch, decided and
/// written on the rows before the request, so a message is found again by that out id and its number.
/// </summary>
public sealed record SmsBatch(Guid OutId, IReadOnlyList<string> Phones, SmsTemplate Template, string TemplateCode,
    IReadOnlyDictionary<string, string> Values, string Text)
{
    /// <summary>The message as it goes to one of the numbers, under the batch's out id.</summary>
    public SmsOutgoing For(string phone) => new(OutId, phone, Template, TemplateCode, Values, Text);
}

public enum SmsSendStatus
{
    Accepted,
    /// <summary>Not this message's fault (flow control, balance, a credential, an outage): try again later, maybe elsewhere.</summary>
    Retry,
    /// <summary>This message can never go as it is (an invalid number, a template not approved, a number that opted out).</summary>
    Refused,
}

public sealed record SmsSendOutcome(SmsSendStatus Status, string? MessageId, string? Code, string? Reason)
{
    public static SmsSendOutcome Accepted(string messageId) => new(SmsSendStatus.Accepted, messageId, null, null);
    public static SmsSendOutcome Retry(string code, string? reason) => new(SmsSendStatus.Retry, null, code, reason);
    public static SmsSendOutcome Refused(string code, string? reason) => new(SmsSendStatus.Refused, null, code, reason);
}

/// <summary>
/// A message as the SMS log keeps it once a provider took it: enough to ask that provider where it stands. The out id is
/// the one the provider was given (a batch's, shared by its numbers), so the number tells the batch's messages apart.
/// </summary>
public sealed record SmsSentRecord(Guid OutId, string Phone, string? MessageId, DateTimeOffset SentAt);

/// <summary>What a provider's status query says: delivered, failed with its code, or nothing final yet (null from the query: it has no record).</summary>
public sealed record SmsStatus(bool Final, bool Delivered, string? Code, string? Description);
