using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Reliability;

/// <summary>Which existing resource fills an operation's {orderNo} so its body is read past the "no such order" check.</summary>
public enum RealOrder { Service, Complaint, Consultation, Partner }

/// <summary>
/// What a valid body of one operation looks like, written by hand: the probes change one thing of it at a time.
/// Required: fields whose absence must be refused. Strict: closed sets or formats (enum-like, phone, url) that must
/// refuse any other value. Formats: open sets with a format (a call id) that must refuse SQL and HTML. Ids: references
/// that must exist. Lenient: free text the endpoint documents as cut to length.
/// </summary>
public sealed record BodySpec(object Baseline, string[]? Required = null, string[]? Strict = null, string[]? Ids = null,
    RealOrder Order = RealOrder.Service, string[]? Lenient = null, string[]? Formats = null)
{
    public string[] FormatFields => Formats ?? [];
    public string[] RequiredFields => Required ?? [];
    public string[] StrictFields => Strict ?? [];
    public string[] IdFields => Ids ?? [];
    public string[] LenientFields => Lenient ?? [];
}

public static class BadInputSpecs
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(1);

    private static object Order(string? memberId) => new
    {
        callId = (string?)null, memberId, contactName = "王先生", contactPhone = "13612345678", category = "hourly",
        address = "金水区经三路 15 号", district = "金水区", windowStart = Start, windowEnd = Start.AddHours(2),
        requirements = new Dictionary<string, string>(), notes = "三室两厅",
    };

    private static readonly string[] OrderRequired = ["contactPhone", "category", "address", "district", "windowStart", "windowEnd"];

    /// <summary>Every POST, PUT and PATCH with a body in the OpenAPI document needs a row; the test says so when one is missing.</summary>
    public static readonly IReadOnlyDictionary<string, BodySpec> ByOperation = new Dictionary<string, BodySpec>
    {
        // agent3 is used by nothing else here; a wrong password counts against it, so at most a few are sent.
        ["POST /api/session"] = new(new { login = "agent3", password = TestDeployment.DemoPassword }, ["login", "password"], ["login", "password"]),
        ["PUT /api/admin/catalogue/{code}/terms"] = new(new
        {
            fields = new[] { new { key = "rooms", nameZh = "房间数", nameEn = "Rooms", type = "number", required = false } },
            dispatchSlaMinutes = 30, completionGraceHours = 24, priceGuideZh = "40 元/小时", priceGuideEn = "40 yuan an hour", skills = new[] { "hourly" },
        }),
        // Back office: 服务目录. Codes are closed in form (lowercase slugs); "hourly", "jinshui" and its street jinshui-1 are the real ids.
        ["POST /api/admin/catalogue"] = new(new
        {
            code = "pet-care", parentCode = "living", nameZh = "宠物照看", nameEn = "Pet care", sortOrder = 90,
            terms = new { fields = new[] { new { key = "pets", nameZh = "宠物种类", nameEn = "Kind of pet", type = "choice", required = true, choices = new[] { "猫", "狗" } } },
                skills = new[] { "pet-care" } },
        }, ["code", "nameZh", "nameEn"], ["code"], ["parentCode"]),
        ["PUT /api/admin/catalogue/{code}"] = new(new { nameZh = "钟点工/小时工", nameEn = "Hourly helper", parentCode = "domestic", sortOrder = 5 },
            ["nameZh", "nameEn"], Ids: ["parentCode"]),
        ["POST /api/admin/catalogue/{code}/retire"] = new(new { text = "试点结束" }),
        ["POST /api/admin/catalogue/{code}/reinstate"] = new(new { text = "恢复试点" }),
        ["POST /api/admin/places/districts"] = new(new { code = "xinqu", nameZh = "郑州新区", nameEn = "Zhengzhou New District", sortOrder = 11 },
            ["code", "nameZh", "nameEn"], ["code"]),
        ["PUT /api/admin/places/districts/{district}"] = new(new { nameZh = "金水区", nameEn = "Jinshui", sortOrder = 1 }, ["nameZh", "nameEn"]),
        ["POST /api/admin/places/districts/{district}/retire"] = new(new { text = "区划调整" }),
        ["POST /api/admin/places/districts/{district}/reinstate"] = new(new { text = "区划调整" }),
        ["POST /api/admin/places/districts/{district}/streets"] = new(new { nameZh = "花园路街道", nameEn = "Huayuanlu Subdistrict" }, ["nameZh"]),
        ["PUT /api/admin/places/streets/{street}"] = new(new { nameZh = "经八路街道", nameEn = "Jingbalu Subdistrict" }, ["nameZh"]),
        ["POST /api/admin/places/streets/{street}/retire"] = new(new { text = "并入相邻街道" }),
        ["POST /api/admin/places/streets/{street}/reinstate"] = new(new { text = "并入相邻街道" }),
        ["POST /api/merchant-applications"] = new(new
        {
            name = "郑州好帮手家政服务有限公司", creditCode = "91410100MA48QWE3LW", legalPerson = "周敏", contactName = "周敏", contactPhone = "13712345678",
            address = "金水区农业路 20 号", district = "金水区", categories = new[] { "hourly" }, districts = new[] { "金水区" },
            documents = new[] { new { kind = "business-licence", name = "营业执照.pdf", validUntil = (DateOnly?)null } },
        }, ["name", "creditCode", "legalPerson", "contactName", "contactPhone", "address", "district", "categories", "districts"],
            ["creditCode", "contactPhone"]),
        // A multipart upload: every JSON probe is the wrong kind of body and must be refused with a problem.
        ["POST /api/merchant-applications/documents"] = new(new { file = "not a file" }, ["file"]),
        // W001 is on no list: "off the list" is a valid decision that changes nothing.
        ["POST /api/admin/workers/{workerId}/list"] = new(new { blackListed = false, reason = "复核后确认无误" }, ["blackListed", "reason"]),
        // M003 is Active and on no list: a review or a suspension decision is refused from there, and "off the list" changes nothing.
        ["POST /api/admin/merchants/{merchantId}/review"] = new(new { approve = true, reason = "资料齐全" }, ["approve", "reason"]),
        ["POST /api/admin/merchants/{merchantId}/list"] = new(new { list = (string?)null, reason = "复核后移出" }, ["reason"], ["list"]),
        ["POST /api/admin/merchants/{merchantId}/suspension"] = new(new { exit = false, reason = "整改完成" }, ["exit", "reason"]),
        ["POST /api/admin/merchants/{merchantId}/suspend"] = new(new { reason = "消防检查不合格，停业整改" }, ["reason"]),
        // merchant1 has no penalty to appeal, and M003 no open appeal: even a well-formed request is refused with a field error.
        ["POST /api/merchant/credit/appeals"] = new(new { penaltyId = "WO2026000000000001#9" }, ["penaltyId"]),
        ["POST /api/admin/credit/appeals/decision"] = new(new { merchantId = "M003", penaltyId = "WO2026000000000001#9", granted = true, reason = "证据不足" },
            ["merchantId", "penaltyId", "granted", "reason"]),
        ["PUT /api/queues/{queueId}"] = new(new
        {
            strategy = "round-robin", tiers = new[] { new { afterSeconds = 0, skill = "service", minProficiency = 1 } }, ringTimeoutSeconds = 20,
            maxNoAnswers = 3, wrapUpSeconds = 30, maxWaitSeconds = 300, overflowQueueId = "complaint", offerCallback = true,
            announceEverySeconds = 60, topDownOrder = new[] { "A001" },
        }, Strict: ["strategy"], Ids: ["overflowQueueId"]),
        ["POST /api/broadcasts"] = new(new { text = "十点开班前会", minutes = 5 }, ["text"]),
        ["PUT /api/queues/{queueId}/recording"] = new(new { enabled = true }, ["enabled"]),
        // Created as a draft: the probes never start it, so nothing is dialled.
        ["POST /api/campaigns"] = new(new
        {
            name = "停水通知", kind = "notice", prompt = "明日停水，请按1确认。", numbers = new[] { "13800138000" }, orderNos = (string[]?)null,
            pacing = 2, retryAfterMinutes = 30, maxAttempts = 3, allowedFrom = "09:00", allowedTo = "20:00",
        }, ["name", "kind", "prompt", "numbers"], ["kind", "allowedFrom", "allowedTo"]),

        ["PUT /api/ivr/flows/{dialled}"] = new(new
        {
            root = "main",
            menus = new Dictionary<string, object>
            {
                ["main"] = new
                {
                    name = "主菜单", prompt = "服务请按2，人工请按0。", timeoutSeconds = 8, retries = 2,
                    options = new object[]
                    {
                        new { digit = "2", label = "服务", action = new { kind = "queue", target = "service" } },
                        new { digit = "0", label = "人工", action = new { kind = "agent" } },
                    },
                    fallback = new { kind = "agent" },
                },
            },
        }, ["root", "menus"]),
        // Restoring version 1 of the demo hotline: every probe of the body is refused, so no version is published by them.
        ["POST /api/ivr/flows/{dialled}/restore"] = new(new { version = 1 }, ["version"]),
        ["PUT /api/kpis/service-levels/{queueId}"] = new(new { withinSeconds = 20, targetPercent = 80 }, ["withinSeconds", "targetPercent"]),

        ["POST /api/cti/calls"] = new(new { callId = "probe-offer-1", caller = "13800138000", dialled = "037112345", trunk = "t1", ivrChoice = "2" },
            ["callId", "caller", "dialled"], ["caller", "dialled", "ivrChoice"], Formats: ["callId"]),
        ["POST /api/cti/calls/{callId}/dtmf"] = new(new { digits = "12" }, ["digits"], ["digits"]),
        ["POST /api/cti/calls/{callId}/answered"] = new(new { seat = "8001" }, ["seat"], ["seat"]),
        // Any leg other than "caller" or the connected seat is ignored by contract, and cause is cut to 64 characters.
        ["POST /api/cti/calls/{callId}/hangup"] = new(new { leg = "caller", cause = "normal" }, ["leg"], Lenient: ["cause"]),
        ["POST /api/cti/calls/{callId}/recording"] = new(new { url = "https://recordings.example/1.wav" }, ["url"], ["url"]),

        ["POST /api/console/not-ready"] = new(new { reason = "break" }, ["reason"], ["reason"]),
        ["POST /api/console/calls/{callId}/consult"] = new(new { kind = "agent", id = "A002" }, ["id"], Ids: ["id"]),
        ["POST /api/console/calls/{callId}/transfer"] = new(new { kind = "agent", id = "A002" }, ["kind", "id"], ["kind"], ["id"]),
        ["POST /api/console/calls/{callId}/parties"] = new(new { kind = "merchant", id = "M001" }, ["kind", "id"], ["kind"], ["id"]),
        // The probe's call is not connected, so even the baseline is refused (409) and nothing is monitored or released.
        ["POST /api/supervisor/calls/{callId}/monitor"] = new(new { mode = "listen", reason = "质检抽查" }, ["mode", "reason"], ["mode"]),
        ["POST /api/supervisor/calls/{callId}/release"] = new(new { reason = "通话异常占线" }, ["reason"]),
        // A004 is never logged in by the probes: "not ready" from Offline is refused, so the seat is left as it was.
        ["POST /api/supervisor/agents/{agentId}/state"] = new(new { state = "not-ready", reason = "长时间未接听" }, ["state", "reason"], ["state"]),
        // The probing agent is not ready, so a good body is refused as busy and nothing is dialled.
        ["POST /api/console/outbound"] = new(new { target = "merchant", id = "M001", number = (string?)null, orderNo = (string?)null },
            ["target", "id"], ["target"], ["id"]),

        ["POST /api/orders"] = new(Order("R0001"), OrderRequired, ["contactPhone", "category"], ["memberId", "callId"]),
        ["POST /api/orders/{orderNo}/dispatch"] = new(new { merchantId = "M001", reason = "客户指定" }, ["merchantId", "reason"], Ids: ["merchantId"]),
        ["POST /api/orders/{orderNo}/cancel"] = new(new { reason = "客户改期" }),
        ["POST /api/orders/{orderNo}/hold"] = new(new { reason = "等待客户确认" }),
        // The follow-up comment is cut to 500 characters by contract.
        ["POST /api/orders/{orderNo}/follow-up"] = new(new { score = 5, resolved = true, comment = "满意", unreachable = false }, Lenient: ["comment"]),
        ["POST /api/orders/{orderNo}/reschedule"] = new(new { windowStart = Start.AddDays(1), windowEnd = Start.AddDays(1).AddHours(2) },
            ["windowStart", "windowEnd"]),
        ["POST /api/orders/{orderNo}/cannot-complete"] = new(new { reason = "客户不在家" }, ["reason"]),

        ["POST /api/merchant/orders/{orderNo}/refuse"] = new(new { reason = "人手不足" }, ["reason"]),
        ["POST /api/merchant/orders/{orderNo}/assign"] = new(new { workerId = "W001" }, ["workerId"], Ids: ["workerId"]),
        ["POST /api/merchant/orders/{orderNo}/cancel"] = new(new { reason = "人手不足" }, ["reason"]),
        ["POST /api/merchant/orders/{orderNo}/respond"] = new(new { text = "已联系客户道歉" }, ["text"], Order: RealOrder.Complaint),
        ["POST /api/merchant/workers/{workerId}/status"] = new(new { status = "Resting" }, ["status"], ["status"]),
        // merchant1 as the demo seeds it, so a well-formed probe that passes changes nothing another test reads.
        ["PUT /api/merchant/profile"] = new(new
        {
            contactName = "王秀兰", contactPhone = "037160001001", address = "金水区花园路 88 号",
            categories = new[] { "nanny", "maternity-nurse", "childcare", "hourly", "elder-care", "home-clean" },
            districts = new[] { "金水区", "郑东新区", "惠济区" }, businessHours = (string?)null, capacity = 20,
        }, ["contactName", "contactPhone", "address", "categories", "districts", "capacity"], ["contactPhone"]),
        ["POST /api/merchant/notifications/read"] = new(new { ids = new[] { Guid.Empty } }),
        ["POST /api/merchant/workers"] = new(new { name = "孙丽", phone = "13903710099", skills = new[] { "hourly" }, languages = new[] { "普通话" }, yearsOfExperience = 3 },
            ["name", "phone", "skills"], ["phone", "skills"]),
        ["PUT /api/merchant/workers/{workerId}"] = new(new { name = "刘桂芳", phone = "13903710001", skills = new[] { "nanny", "hourly", "home-clean" },
            languages = Array.Empty<string>(), yearsOfExperience = 0 }, ["name", "phone", "skills"], ["phone", "skills"]),
        // The probes' worker may end up deactivated by a well-formed probe; nothing else in the probe deployment needs W001 to work.
        ["POST /api/merchant/workers/{workerId}/deactivate"] = new(new { reason = "合同到期" }, ["reason"]),
        // Every field may be left out (a merchant records credentials as they come); what is given must hold.
        ["PUT /api/merchant/workers/{workerId}/credentials"] = new(new
        {
            idNumber = "11010519491231002X", idVerifiedOn = new DateOnly(2026, 1, 5), healthCertificateExpires = new DateOnly(2027, 6, 30),
            trainings = new[] { new { name = "家政服务员（初级）", issuer = "郑州市人社局", on = new DateOnly(2025, 3, 1) } },
            backgroundCheckPassed = true, backgroundCheckedOn = new DateOnly(2026, 1, 5),
        }, Strict: ["idNumber"]),
        // Merchants' logins. The baseline asks a login for W001, who has one (worker1's): even a well-formed probe is refused.
        ["POST /api/merchant/logins"] = new(new { role = "Worker", login = "m001-w001", displayName = "刘桂芳", workerId = "W001" },
            ["role", "login", "workerId"], ["role", "login"], ["workerId"]),
        // {login} is m001-probe, a dispatcher the fixture makes; a probe that passed would only disable or enable it.
        ["POST /api/merchant/logins/{login}/disable"] = new(new { reason = "离职" }, ["reason"]),
        ["POST /api/merchant/logins/{login}/enable"] = new(new { reason = "复职" }, ["reason"]),
        // A token of a login that does not exist: every probe is refused, and no password is ever set.
        ["POST /api/account/setup"] = new(new { token = "nosuch." + new string('A', 43), newPassword = "Probe2026x" }, ["token", "newPassword"], ["token"]),
        ["POST /api/worker/jobs/{orderNo}/cannot-complete"] = new(new { reason = "客户不在家" }, ["reason"]),
        // Both bodies are optional (a plain check-in, a check-out with nothing extra); an early check-in says so.
        ["POST /api/worker/jobs/{orderNo}/check-in"] = new(new { early = false }),
        ["POST /api/worker/jobs/{orderNo}/check-out"] = new(new { extras = "加洗油烟机", amountCollected = 30 }),
        // The web rating's comment is cut to 500 characters by contract.
        // Tags come from a fixed set (准时, 专业 …). Photos are ids uploaded for the order first (none here: RatingPhotoTests has them).
        ["POST /api/member/orders/{orderNo}/rating"] = new(new { score = 5, resolved = true, comment = "很好", tags = new[] { "on-time" }, photos = Array.Empty<Guid>() }, ["score"],
            Lenient: ["comment"]),
        // The member's own service order (R0001's). The reason is optional and cut to 200 characters.
        ["POST /api/member/notifications/read"] = new(new { ids = new[] { Guid.Empty } }),
        ["POST /api/member/orders/{orderNo}/cancel"] = new(new { reason = "临时有事" }),
        ["POST /api/member/orders/{orderNo}/reschedule"] = new(new { windowStart = Start.AddDays(2), windowEnd = Start.AddDays(2).AddHours(2) },
            ["windowStart", "windowEnd"]),
        // Numbers of the probes' own (1359999…): a well-formed request would send a code and start that number's rate limit,
        // which nothing else reads; the register and reset probes hold no code sent, so they stop at the code check.
        ["POST /api/member/verification-codes"] = new(new { phone = "13599990001", purpose = "register" }, ["phone", "purpose"], ["phone", "purpose"]),
        ["POST /api/member/register"] = new(new { phone = "13599990002", code = "123456", name = "卫平", password = "Probe2026x" },
            ["phone", "code", "name", "password"], ["phone", "code"]),
        ["POST /api/member/password-reset"] = new(new { phone = "13599990003", code = "123456", newPassword = "Probe2026x" },
            ["phone", "code", "newPassword"], ["phone", "code"]),
        // The demo resident's profile as seeded, in the new shape; a probe that passes saves the same details.
        ["PUT /api/member/profile"] = new(new
        {
            name = "张女士", addresses = new[] { new { label = "家", district = "金水区", address = "花园路 8 号院 3 号楼 2 单元 501" } },
            preferences = new { sms = true, inApp = true },
        }, ["name"]),

        ["POST /api/complaints"] = new(new
        {
            contactName = "张女士", contactPhone = "13800138000", memberId = "R0001", relatedOrderNo = (string?)null, againstMerchantId = "M001",
            againstWorkerId = "W001", severity = "high", description = "保姆迟到两小时",
        }, ["contactPhone", "description"], ["contactPhone", "severity"], ["memberId", "relatedOrderNo", "againstMerchantId", "againstWorkerId"]),
        ["POST /api/consultations"] = new(new { contactName = "张女士", contactPhone = "13800138000", memberId = "R0001", text = "月嫂怎么收费？" },
            ["contactPhone", "text"], ["contactPhone"], ["memberId"]),
        ["POST /api/suggestions"] = new(new { contactName = "张女士", contactPhone = "13800138000", memberId = "R0001", text = "希望增加夜间服务" },
            ["contactPhone", "text"], ["contactPhone"], ["memberId"]),
        ["POST /api/orders/{orderNo}/assign"] = new(new { party = "merchant:M001" }, ["party"], ["party"], Order: RealOrder.Complaint),
        ["POST /api/orders/{orderNo}/respond"] = new(new { text = "已核实" }, ["text"], Order: RealOrder.Complaint),
        ["POST /api/orders/{orderNo}/verdict"] = new(new { upheld = true, reason = "投诉属实" }, ["reason"], Order: RealOrder.Complaint),
        ["POST /api/orders/{orderNo}/complainant-follow-up"] = new(new { satisfied = true, comment = "满意" }, Order: RealOrder.Complaint),
        ["POST /api/orders/{orderNo}/answer"] = new(new { text = "参考价格 8000 元/月" }, ["text"], Order: RealOrder.Consultation),
        ["POST /api/orders/{orderNo}/forward"] = new(new { to = "法律咨询专家" }, ["to"], Order: RealOrder.Consultation),
        ["POST /api/orders/{orderNo}/reply"] = new(new { text = "建议购买意外险" }, ["text"], Order: RealOrder.Consultation),
        ["POST /api/orders/{orderNo}/send-reply"] = new(new { channel = "sms" }, ["channel"], ["channel"], Order: RealOrder.Consultation),

        ["POST /api/partner/orders"] = new(Order(null), OrderRequired, ["contactPhone", "category"]),
        ["POST /api/partner/orders/{orderNo}/cancel"] = new(new { reason = "客户取消" }, Order: RealOrder.Partner),
        ["POST /api/partner/webhooks"] = new(new { url = "https://partner.example/hooks" }, ["url"], ["url"]),
        // A1001 is a seeded article; every probe below is refused, so it keeps its text.
        // Back office accounts: the probes never send a whole valid body, so the {login} they use keeps its state.
        ["POST /api/admin/accounts"] = new(new { login = "probe.staff", displayName = "探针班长", roles = new[] { "Supervisor" }, agentId = (string?)null, teamId = "T1" },
            ["login", "displayName", "roles"], Ids: ["teamId"], Formats: ["login"]),
        ["PUT /api/admin/accounts/{login}"] = new(new { displayName = "李座席", roles = new[] { "Agent" }, agentId = "A004", teamId = "T1" },
            ["displayName", "roles"], Ids: ["agentId", "teamId"]),
        ["POST /api/admin/accounts/{login}/disable"] = new(new { text = "离职" }, ["text"]),
        ["POST /api/admin/accounts/{login}/enable"] = new(new { text = "返聘" }, ["text"]),
        ["POST /api/account/password"] = new(new { currentPassword = TestDeployment.DemoPassword, newPassword = "Probe2026new" },
            ["currentPassword", "newPassword"]),
        // Seats and queues: a new one named by the probes is never whole, so nothing is created; A004 and "service" keep their settings.
        ["POST /api/admin/call-center/seats"] = new(new { agentId = "P01", name = "探针座席", extension = "7999", skills = new Dictionary<string, int> { ["service"] = 2 }, teamId = "T1" },
            ["agentId", "name", "extension", "skills"], Ids: ["teamId"], Formats: ["agentId", "extension"]),
        ["PUT /api/admin/call-center/seats/{agentId}"] = new(new { name = "高丽", extension = "8004", skills = new Dictionary<string, int> { ["complaint"] = 5, ["service"] = 2 }, teamId = (string?)null },
            ["name", "extension", "skills"], Formats: ["extension"]),
        ["POST /api/admin/call-center/queues"] = new(new
        {
            queueId = "probe-q", nameZh = "探针队列", nameEn = "Probe", strategy = "round-robin", tiers = new[] { new { afterSeconds = 0, skill = "service", minProficiency = 1 } },
            ringTimeoutSeconds = 20, maxNoAnswers = 3, wrapUpSeconds = 30, maxWaitSeconds = 300, overflowQueueId = "complaint", offerCallback = true,
            announceEverySeconds = 60, topDownOrder = new[] { "A001" },
        }, ["queueId", "nameZh", "nameEn", "tiers"], ["strategy"], Ids: ["overflowQueueId"], Formats: ["queueId"]),
        ["PUT /api/admin/call-center/queues/{queueId}"] = new(new
        {
            queueId = (string?)null, nameZh = "服务需求", nameEn = "Service requests", strategy = "longest-idle-agent",
            tiers = new[] { new { afterSeconds = 0, skill = "service", minProficiency = 1 } }, ringTimeoutSeconds = 20, maxNoAnswers = 3, wrapUpSeconds = 30,
            maxWaitSeconds = 300, overflowQueueId = "complaint", offerCallback = true, announceEverySeconds = 60, topDownOrder = new[] { "A001" },
        }, Strict: ["strategy"], Ids: ["overflowQueueId"]),
        ["POST /api/admin/call-center/queues/{queueId}/revert"] = new(new { version = 1 }, ["version"]),
        // {code} is a category code here ("hourly"), which is no reason code yet: no probe body is whole, so none is created.
        ["PUT /api/admin/call-center/reasons/{code}"] = new(new { nameZh = "午休", nameEn = "Lunch", active = true }, ["nameZh", "nameEn"]),
        // Teams and departments: the demo team T1 and the department "quality" as seeded; no probe body is whole, so nothing is created or changed.
        ["POST /api/admin/call-center/teams"] = new(new { teamId = "P1", name = "探针班组", supervisorLogin = "supervisor" },
            ["teamId", "name", "supervisorLogin"], Ids: ["supervisorLogin"], Formats: ["teamId"]),
        ["PUT /api/admin/call-center/teams/{teamId}"] = new(new { name = "话务一班", supervisorLogin = "supervisor", active = true }, Ids: ["supervisorLogin"]),
        ["POST /api/admin/call-center/departments"] = new(new { code = "probe-dept", nameZh = "探针部", nameEn = "Probe" }, ["code", "nameZh", "nameEn"],
            Formats: ["code"]),
        ["PUT /api/admin/call-center/departments/{department}"] = new(new { nameZh = "质量监督部", nameEn = "Quality Supervision", active = true }),
        // The probes change one setting at a time, never to a value in range, so the settings stay at version 0.
        ["PUT /api/admin/settings"] = new(new
        {
            dispatchSlaMinutes = 30, completionGraceHours = 4, acceptTimeoutMinutes = 0, maxOfferAttempts = 3, followUpDelayHours = 24, creditThreshold = 60,
            daysBelowToWarn = 30, graceDays = 30, dutyPhone = "13900001234",
        }),
        // Back office, group notices: a baseline that passes schedules a notice for tomorrow, so nothing is sent to anyone.
        ["POST /api/admin/sms/notices/preview"] = new(new { text = "春节期间服务热线照常接听。", audience = new { kind = "merchants", category = "hourly", district = "金水区" } },
            ["text", "audience"]),
        ["POST /api/admin/sms/notices"] = new(new
        {
            id = (string?)null, text = "春节期间服务热线照常接听。", audience = new { kind = "workers", category = "hourly", district = (string?)null }, sendAt = Start,
        }, ["text", "audience"], Formats: ["id"]),
        // Back office, SMS templates: a preview sends nothing; a value not given reads as the made-up one, so no field is required.
        ["POST /api/admin/sms/templates/{kind}/preview"] = new(new { values = new Dictionary<string, string> { ["orderNo"] = "WO20261207000042", ["text"] = "已为您安排。" } }),
        ["POST /api/admin/articles"] = new(new { kind = "news", title = "服务热线春节照常接听", summary = "热线 24 小时接听", markdown = "## 安排\n\n- 照常接听" },
            ["kind", "title", "markdown"], ["kind"]),
        ["PUT /api/admin/articles/{articleId}"] = new(new { kind = "policy", title = "家政服务人员持证上岗要求解读", summary = "", markdown = "## 适用范围" },
            ["kind", "title", "markdown"], ["kind"]),
        // Back office, API keys: {keyId} is a key of the fixture's own (BadInputFixture.KeyId). A baseline that passes issues,
        // rotates or revokes only such probe keys; the probes' own partner and telephony keys are never touched.
        ["POST /api/admin/keys"] = new(new { name = "探测合作方", kind = "partner", partnerId = "probe-partner", expiresAt = (DateTimeOffset?)null },
            ["name", "kind"], ["kind", "partnerId"]),
        ["POST /api/admin/keys/{keyId}/rotate"] = new(new { overlapMinutes = 60, expiresAt = (DateTimeOffset?)null }, ["overlapMinutes"]),
        ["POST /api/admin/keys/{keyId}/revoke"] = new(new { reason = "探测结束" }, ["reason"]),

        // 话务配置 · hotline side. The demo hotline and the 2025 calendar as seeded (a probe that passes saves no new version); blacklist
        // numbers of the probes' own (13999990…; the fixture blocks 13999990000 for the unblock probes).
        ["PUT /api/admin/hotlines/{dialled}"] = new(new
        {
            name = "家政服务热线", ivrAnswers = true,
            routes = new[]
            {
                new { choice = "", queueId = "service", priority = 0 }, new { choice = "0", queueId = "service", priority = 0 },
                new { choice = "1", queueId = "service", priority = 0 }, new { choice = "2", queueId = "service", priority = 0 },
                new { choice = "3", queueId = "complaint", priority = 5 },
            },
            workdayHours = "00:00-24:00", restDayHours = "00:00-24:00", holidayHours = "00:00-24:00", closedAction = "voicemail", closedMessage = "",
            overflowTo = (string?)null, blockedMessage = "", blockWithheld = false,
        }, ["name", "routes", "workdayHours", "restDayHours", "holidayHours", "closedAction"],
            ["closedAction", "workdayHours", "restDayHours", "holidayHours", "overflowTo"]),
        ["PUT /api/admin/calendar/{year}"] = new(new
        {
            holidays = new[]
            {
                new { name = "元旦", from = "2025-01-01", to = "2025-01-01" }, new { name = "春节", from = "2025-01-28", to = "2025-02-04" },
                new { name = "清明节", from = "2025-04-04", to = "2025-04-06" }, new { name = "劳动节", from = "2025-05-01", to = "2025-05-05" },
                new { name = "端午节", from = "2025-05-31", to = "2025-06-02" }, new { name = "国庆节、中秋节", from = "2025-10-01", to = "2025-10-08" },
            },
            workdays = new[]
            {
                new { date = "2025-01-26", name = "春节" }, new { date = "2025-02-08", name = "春节" }, new { date = "2025-04-27", name = "劳动节" },
                new { date = "2025-09-28", name = "国庆节、中秋节" }, new { date = "2025-10-11", name = "国庆节、中秋节" },
            },
        }, ["holidays", "workdays"]),
        ["POST /api/admin/blacklist"] = new(new { number = "13999990001", reason = "骚扰电话", expiresOn = Until }, ["number", "reason", "expiresOn"],
            ["number", "expiresOn"]),
        ["POST /api/admin/blacklist/{number}/unblock"] = new(new { reason = "误拦截" }, ["reason"]),
        // The probes' call is from the demo member's number: only refused probes are sent, so it stays off the list.
        ["POST /api/admin/blacklist/calls/{callId}"] = new(new { reason = "骚扰电话", expiresOn = Until }, ["reason", "expiresOn"], ["expiresOn"]),
    };

    private static readonly string Until = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd");

    /// <summary>The login or key that may call an address, so a probe reaches the body check instead of stopping at 401/403.</summary>
    public static Caller CallerFor(string path) => path switch
    {
        _ when path.StartsWith("/api/session") || path.StartsWith("/api/merchant-applications") => Caller.Anonymous,
        "/api/member/verification-codes" or "/api/member/register" or "/api/member/password-reset" or "/api/account/setup" => Caller.Anonymous,
        _ when path.StartsWith("/api/sms/providers/") => Caller.Anonymous, // providers prove themselves by the token in the address
        _ when path.StartsWith("/api/admin/") || path.StartsWith("/api/ivr/") => Caller.Admin,
        _ when path.StartsWith("/api/queues") || path.StartsWith("/api/kpis") || path.StartsWith("/api/broadcasts") || path.EndsWith("/verdict")
            || path.StartsWith("/api/supervisor/") => Caller.Supervisor,
        _ when path.StartsWith("/api/campaigns") => Caller.Supervisor,
        _ when path.StartsWith("/api/cti/") => Caller.TelephonyKey,
        _ when path.StartsWith("/api/partner/") => Caller.PartnerKey,
        _ when path.StartsWith("/api/merchant/") => Caller.Merchant1,
        _ when path.StartsWith("/api/worker/") || path.StartsWith("/api/account/") => Caller.Worker,
        _ when path.StartsWith("/api/member/") => Caller.Resident,
        _ when path.StartsWith("/api/console") || path.StartsWith("/api/orders") || path is "/api/complaints" or "/api/consultations" or "/api/suggestions"
            => Caller.Agent,
        _ => throw new InvalidOperationException($"No caller is set for {path}; add it to {nameof(CallerFor)}."),
    };
}
