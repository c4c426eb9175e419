namespace HomeService.Sms;

/// <summary>
/// Every kind of SMS the center sends (seed part 4 §4.1), worded once. A provider approves each as a template of its own
/// (模板) under the center's sign name (签名); which code each provider gave it is configuration.
/// </summary>
public static class SmsTemplates
{
    /// <summary>The most billed parts a notice may cost: a template whose longest message exceeds it is refused.</summary>
    public const int MaxSegments = 3;

    private static SmsTemplateParam P(string name, int max) => new(name, max);

    /// <summary>A link is never cut: its longest is the site's address, the path and a setup token.</summary>
    private static SmsTemplateParam Link(int max) => new("link", max, Cut: false);

    public static readonly IReadOnlyList<SmsTemplate> All =
    [
        new("verification.code", "您的验证码为${code}，${minutes}分钟内有效。如非本人操作，请忽略本短信。", [P("code", 6), P("minutes", 2)], SmsUrgency.Now),
        new("account.setup-link", "${company}商户账号${login}已开通，请于${expiresAt}前设置密码：${link}",
            [P("company", 16), P("login", 20), P("expiresAt", 12), Link(110)], SmsUrgency.Now),
        new("order.offered", "新工单${orderNo}待接单：${category}，${district}，上门${windowStart}。请于${expiresAt}前在商户平台接单。",
            [P("orderNo", 16), P("category", 8), P("district", 6), P("windowStart", 12), P("expiresAt", 12)], SmsUrgency.Now),
        new("merchant.approved", "${name}的入驻申请已通过审核，商户平台账号将另行短信告知。", [P("name", 20)], SmsUrgency.Notice),
        new("merchant.rejected", "${name}的入驻申请未通过审核，原因：${reason}。", [P("name", 20), P("reason", 30)], SmsUrgency.Notice),
        new("consultation.reply", "您的咨询${orderNo}已答复：${text}", [P("orderNo", 16), P("text", 80)], SmsUrgency.Notice),
        new("member.order.accepted", "您的订单${orderNo}（${category}）已由服务商户接单，上门时间${windowStart}。",
            [P("orderNo", 16), P("category", 8), P("windowStart", 12)], SmsUrgency.Notice),
        new("member.order.worker-assigned", "您的订单${orderNo}已安排服务人员，上门时间${windowStart}。", [P("orderNo", 16), P("windowStart", 12)], SmsUrgency.Notice),
        new("member.order.completed", "您的订单${orderNo}（${category}）已完成服务，欢迎在会员中心评价。", [P("orderNo", 16), P("category", 8)], SmsUrgency.Notice),
        new("member.order.cancelled", "您的订单${orderNo}（${category}）已取消。", [P("orderNo", 16), P("category", 8)], SmsUrgency.Notice),
    ];

    private static readonly Dictionary<string, SmsTemplate> ByKind = All.ToDictionary(t => t.Kind);

    public static SmsTemplate? Find(string kind) => ByKind.GetValueOrDefault(kind);

    /// <summary>Parameters that must not outlive the send (a code): cleared from the outbox once the provider has it.</summary>
    public static readonly IReadOnlySet<string> Secret = new HashSet<string> { "code" };
}
