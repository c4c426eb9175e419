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
        new("order.offer-expiring", "工单${orderNo}（${category}）的接单邀请将于${expiresAt}过期，请尽快在商户平台接单。",
            [P("orderNo", 16), P("category", 8), P("expiresAt", 12)], SmsUrgency.Now),
        new("merchant.approved", "${name}的入驻申请已通过审核，商户平台账号将另行短信告知。", [P("name", 20)], SmsUrgency.Notice),
        new("merchant.rejected", "${name}的入驻申请未通过审核，原因：${reason}。", [P("name", 20), P("reason", 30)], SmsUrgency.Notice),
        new("consultation.reply", "您的咨询${orderNo}已答复：${text}", [P("orderNo", 16), P("text", 80)], SmsUrgency.Notice),
        new("member.order.received", "您的订单${orderNo}（${category}）已受理，上门时间${windowStart}，我们会尽快为您安排服务。",
            [P("orderNo", 16), P("category", 8), P("windowStart", 12)], SmsUrgency.Now),
        new("member.order.accepted", "您的订单${orderNo}（${category}）已由服务商户接单，上门时间${windowStart}。",
            [P("orderNo", 16), P("category", 8), P("windowStart", 12)], SmsUrgency.Notice),
        new("member.order.worker-assigned", "您的订单${orderNo}已安排服务人员${worker}，上门时间${windowStart}。查看其一人一码：${link}",
            [P("orderNo", 16), P("worker", 6), P("windowStart", 12), Link(90)], SmsUrgency.Notice),
        new("member.order.en-route", "您的订单${orderNo}的服务人员${worker}已出发，请保持电话畅通。", [P("orderNo", 16), P("worker", 6)], SmsUrgency.Now),
        new("member.order.completed", "您的订单${orderNo}（${category}）已完成服务，欢迎评价：${link}", [P("orderNo", 16), P("category", 8), Link(60)],
            SmsUrgency.Notice),
        new("member.order.rescheduled", "您的订单${orderNo}已改约，新的上门时间${windowStart}。", [P("orderNo", 16), P("windowStart", 12)], SmsUrgency.Notice),
        new("member.order.cancelled", "您的订单${orderNo}（${category}）已取消。", [P("orderNo", 16), P("category", 8)], SmsUrgency.Notice),
        new("order.follow-up", "您的订单${orderNo}（${category}）已完成服务。请回复数字为本次服务打分：5非常满意，4满意，3一般，2不满意，1很不满意。",
            [P("orderNo", 16), P("category", 8)], SmsUrgency.Notice),
        new("worker.job-assigned", "您有新的服务工单${orderNo}：${category}，${windowStart}，地址：${address}。", [P("orderNo", 16), P("category", 8),
            P("windowStart", 12), P("address", 40)], SmsUrgency.Now),
        new("complaint.filed", "您的商户收到一条投诉${complaintNo}（关联订单${relatedOrderNo}），请在商户平台查看并处理。",
            [P("complaintNo", 16), P("relatedOrderNo", 16)], SmsUrgency.Notice),
        new("worker.certificate-expiring", "服务人员${name}的证件将于${expires}到期（还有${daysLeft}天），请及时更新，以免影响派单。",
            [P("name", 10), P("expires", 10), P("daysLeft", 3)], SmsUrgency.Notice),
        new("order.sla-breached", "工单${orderNo}已超过${clock}时限（${deadline}），请值班主管及时处理。",
            [P("orderNo", 16), P("clock", 4), P("deadline", 12)], SmsUrgency.Now),
        // Breaches that followed one another within minutes, in one message (SmsDigests).
        new("order.sla-breached.digest", "${count}张工单已超时：${orderNos}，请值班主管及时处理。", [P("count", 4), P("orderNos", 60)], SmsUrgency.Now),
        // A group notice (消息通知) an admin writes: approved with one variable, and always the opt-out text.
        new("group.notice", "${content}拒收请回复R", [P("content", 180)], SmsUrgency.Marketing),
    ];

    private static readonly Dictionary<string, SmsTemplate> ByKind = All.ToDictionary(t => t.Kind);

    public static SmsTemplate? Find(string kind) => ByKind.GetValueOrDefault(kind);

    /// <summary>Parameters that must not outlive the send (a code): cleared from the outbox once the provider has it.</summary>
    public static readonly IReadOnlySet<string> Secret = new HashSet<string> { "code" };
}
