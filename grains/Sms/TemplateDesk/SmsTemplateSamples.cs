using HomeService.Identity;

namespace HomeService.Sms.TemplateDesk;

/// <summary>
/// Made-up values for previews, shaped like what the sender puts in each placeholder (an order number as OrderNumbers
/// writes it, a time as SmsComposer shows it, a worker's name masked, a link with the site's address in front) and
/// belonging to no one.
/// </summary>
public static class SmsTemplateSamples
{
    /// <summary>A set-password link's secret is 43 base64url characters; this one is as long and plainly not one.</summary>
    private const string SampleSecret = "ExampleOnly-NotARealSecret-ExampleOnly-0000";

    private const string Company = "郑州示例家政服务有限公司";

    private static readonly Dictionary<string, string> ByName = new()
    {
        ["code"] = "386025",
        ["minutes"] = "5",
        ["company"] = Company,
        ["login"] = "m1001",
        ["expiresAt"] = "12月7日 10:30",
        ["orderNo"] = "WO20261207000123",
        ["category"] = "日常保洁",
        ["district"] = "金水区",
        ["windowStart"] = "12月7日 14:00",
        ["name"] = Company,
        ["reason"] = "营业执照已过期，请上传新证后重新申请",
        ["text"] = "您好，日常保洁按小时计费，可在网站或拨打热线预约。",
        ["worker"] = "王*",
        ["address"] = "金水区示例路8号3单元502室",
        ["complaintNo"] = "WO20261207000124",
        ["relatedOrderNo"] = "WO20261207000123",
        ["expires"] = "2026-12-31",
        ["daysLeft"] = "30",
        ["content"] = "春节期间服务热线照常接听，祝您新年快乐。",
        ["clock"] = "派单",
        ["deadline"] = "12月7日 10:00",
        ["count"] = "3",
        ["orderNos"] = "WO20261207000123、WO20261207000124、WO20261207000125",
    };

    /// <summary>Where a placeholder's name means something else in one kind (a worker's name, not a company's).</summary>
    private static readonly Dictionary<(string Kind, string Param), string> ByKind = new()
    {
        [("worker.certificate-expiring", "name")] = "王师傅",
    };

    /// <summary>The made-up value of one placeholder of a kind; a link is the site's address and the path the sender would add.</summary>
    public static string Value(string kind, string param, string siteUrl) =>
        param == "link" ? siteUrl.TrimEnd('/') + LinkPath(kind)
        : ByKind.TryGetValue((kind, param), out var own) ? own
        : ByName.GetValueOrDefault(param, param);

    /// <summary>The values a preview renders: the admin's where given and not blank, made-up ones for the rest.</summary>
    public static Dictionary<string, string> Fill(SmsTemplate template, IReadOnlyDictionary<string, string>? given, string siteUrl) =>
        template.Params.ToDictionary(p => p.Name,
            p => given is not null && given.TryGetValue(p.Name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : Value(template.Kind, p.Name, siteUrl));

    // The set-password link carries a token; the resident notices link to the member centre (ResidentNotices.Parameters).
    private static string LinkPath(string kind) => kind == "account.setup-link" ? SetupLinkToken.Path(ByName["login"], SampleSecret) : "/member";
}
