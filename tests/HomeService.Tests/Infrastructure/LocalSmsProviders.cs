using HomeService.Sms;
using HomeService.SmsSim;

namespace HomeService.Tests.Infrastructure;

/// <summary>
/// The simulated Alibaba Cloud and Tencent Cloud SMS APIs on local ports, with one account, one sign name and a template
/// per kind at each, and the deployment settings that point the center at them (Alibaba Cloud first, Tencent Cloud as failover).
/// </summary>
public static class LocalSmsProviders
{
    public const string AliyunKeyId = "LTAI5tTestKey";
    public const string AliyunSecret = "aliyun-test-secret";
    public const string TencentSecretId = "AKIDTestSecretId";
    public const string TencentSecretKey = "tencent-test-secret";
    public const string SignName = "郑州家政";
    public const string CallbackToken = "cb-7Hq2xVn4LpR9";

    public static string AliyunTemplate(string kind) => "SMS_" + (1000 + Index(kind));
    public static string TencentTemplate(string kind) => (100000 + Index(kind)).ToString();

    private static int Index(string kind) => SmsTemplates.All.Select(t => t.Kind).ToList().IndexOf(kind);

    public static async Task<SmsSimHost> Start()
    {
        var sim = await SmsSimHost.Start(Ports.Free(), Ports.Free());
        sim.Aliyun.Keys[AliyunKeyId] = AliyunSecret;
        sim.Tencent.Keys[TencentSecretId] = TencentSecretKey;
        foreach (var provider in new SimProvider[] { sim.Aliyun, sim.Tencent }) provider.SignNames.Add(SignName);
        foreach (var t in SmsTemplates.All)
        {
            sim.Aliyun.Templates.Add(AliyunTemplate(t.Kind));
            sim.Tencent.Templates.Add(TencentTemplate(t.Kind));
        }
        return sim;
    }

    public static Dictionary<string, string?> Settings(SmsSimHost sim, string primary = "aliyun", string? failover = "tencent")
    {
        var settings = new Dictionary<string, string?>
        {
            ["HomeService:Sms:Provider"] = primary,
            ["HomeService:Sms:Failover"] = failover,
            ["HomeService:Sms:Aliyun:Endpoint"] = sim.AliyunUrl,
            ["HomeService:Sms:Aliyun:AccessKeyId"] = AliyunKeyId,
            ["HomeService:Sms:Aliyun:AccessKeySecret"] = AliyunSecret,
            ["HomeService:Sms:Aliyun:SignName"] = SignName,
            ["HomeService:Sms:Tencent:Endpoint"] = sim.TencentUrl,
            ["HomeService:Sms:Tencent:SecretId"] = TencentSecretId,
            ["HomeService:Sms:Tencent:SecretKey"] = TencentSecretKey,
            ["HomeService:Sms:Tencent:SdkAppId"] = sim.Tencent.SdkAppId,
            ["HomeService:Sms:Tencent:SignName"] = SignName,
            ["HomeService:Sms:CallbackTokenSha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(CallbackToken))),
        };
        foreach (var t in SmsTemplates.All)
        {
            settings[$"HomeService:Sms:Templates:{t.Kind}:aliyun"] = AliyunTemplate(t.Kind);
            settings[$"HomeService:Sms:Templates:{t.Kind}:tencent"] = TencentTemplate(t.Kind);
        }
        return settings;
    }

    /// <summary>
    /// The settings with silent messages asked about within seconds (a real center waits minutes), and quiet hours off, since
    /// these tests run at any hour of Beijing's day.
    /// </summary>
    public static Dictionary<string, string?> ChasingSoon(SmsSimHost sim)
    {
        var settings = Settings(sim);
        settings["HomeService:Sms:QueryAfter"] = "00:00:02";
        settings["HomeService:Sms:QueryEvery"] = "00:00:01";
        settings["HomeService:Sms:ChaseEvery"] = "00:00:01";
        settings["HomeService:Sms:QuietStart"] = "00:00";
        settings["HomeService:Sms:QuietEnd"] = "00:00";
        return settings;
    }
}
