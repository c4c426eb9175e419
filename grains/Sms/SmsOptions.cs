namespace HomeService.Sms;

/// <summary>
/// The SMS subsystem's configuration ("HomeService:Sms"). Credentials come from configuration or the environment
/// (HomeService__Sms__Aliyun__AccessKeySecret, …), never from the repository.
/// </summary>
public sealed class SmsOptions
{
    /// <summary>"development" (sends nothing, shows messages at /admin/sms/dev), "aliyun" or "tencent".</summary>
    public string Provider { get; set; } = "development";

    /// <summary>A second provider tried when the first cannot take a message for reasons not its own (outage, flow control).</summary>
    public string? Failover { get; set; }

    /// <summary>Where links in messages point: the resident site's public address.</summary>
    public string SiteUrl { get; set; } = "http://localhost:5000";

    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a claimed message is left to its sender before another may take it over: longer than any provider call.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Quiet hours in Beijing time: notices that can wait are held from <see cref="QuietStart"/> until <see cref="QuietEnd"/>.</summary>
    public TimeOnly QuietStart { get; set; } = new(22, 0);
    public TimeOnly QuietEnd { get; set; } = new(8, 0);

    /// <summary>Per-number windows kept before sending (the providers' flow control for codes; a daily cap per kind for notices).</summary>
    public int CodesPerMinute { get; set; } = 1;
    public int CodesPerHour { get; set; } = 5;
    public int CodesPerDay { get; set; } = 10;
    public int NoticesPerDay { get; set; } = 50;

    /// <summary>
    /// Group notices go out at most this many numbers a second on average (a batch of <see cref="SmsBatching.Chunk"/> at a
    /// time), so a notice to every member does not crowd out codes and orders.
    /// </summary>
    public int GroupPerSecond { get; set; } = 20;

    public SmsQuietHours QuietHours => new(QuietStart, QuietEnd);
    public SmsFlowLimits FlowLimits => new(CodesPerMinute, CodesPerHour, CodesPerDay, NoticesPerDay);

    /// <summary>A sent message with no status report this long is asked for by the provider's status query …</summary>
    public TimeSpan QueryAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>… again at most this often …</summary>
    public TimeSpan QueryEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>… and is marked unknown once this old (the providers keep status for 24 hours).</summary>
    public TimeSpan UnknownAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often each silo looks for messages to ask about.</summary>
    public TimeSpan ChaseEvery { get; set; } = TimeSpan.FromSeconds(30);

    public AliyunSmsSettings Aliyun { get; set; } = new();
    public TencentSmsSettings Tencent { get; set; } = new();
    public DevelopmentSmsSettings Development { get; set; } = new();

    /// <summary>Each provider's template code per kind, e.g. Templates["verification.code"]["aliyun"] = "SMS_154950909".</summary>
    public Dictionary<string, Dictionary<string, string>> Templates { get; set; } = [];

    public IEnumerable<string> Providers => Failover is { Length: > 0 } f && f != Provider ? [Provider, f] : [Provider];

    /// <summary>The template code a provider approved for a kind; the development provider takes the kind itself.</summary>
    public string? TemplateCode(string provider, string kind) =>
        Templates.TryGetValue(kind, out var codes) && codes.TryGetValue(provider, out var code) ? code
        : provider == "development" ? kind : null;
}

public sealed class AliyunSmsSettings
{
    public string Endpoint { get; set; } = "https://dysmsapi.aliyuncs.com";
    public string AccessKeyId { get; set; } = "";
    public string AccessKeySecret { get; set; } = "";
    public string SignName { get; set; } = "";
}

public sealed class TencentSmsSettings
{
    public string Endpoint { get; set; } = "https://sms.tencentcloudapi.com";
    public string SecretId { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public string SdkAppId { get; set; } = "";
    public string Region { get; set; } = "ap-guangzhou";
    public string SignName { get; set; } = "";
}

public sealed class DevelopmentSmsSettings
{
    public string SignName { get; set; } = "家政服务中心";
}
