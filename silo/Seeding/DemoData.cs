using HomeService.Identity;

namespace HomeService.Silo.Seeding;

/// <summary>A small, believable center in Zhengzhou for development, demos and tests.</summary>
public static class DemoData
{
    /// <summary>A demo company as it applies (its legal person is its contact); its credit comes from <see cref="PastRatings"/>.</summary>
    public sealed record Merchant(string Id, string Name, string CreditCode, string LegalPerson, string Phone, string Address,
        string District, string[] Categories, string[] Districts);

    /// <summary>QualificationDaysLeft: when the worker's certificate (健康证/上岗证) expires, counted from the seeding day; negative is expired.</summary>
    public sealed record Worker(string Id, string MerchantId, string Name, string Phone, string[] Skills, int QualificationDaysLeft);

    public sealed record Agent(string Id, string Name, string Extension, Dictionary<string, int> Skills);

    /// <summary>Tiers are (after seconds, skill, minimum proficiency): the pool widens as a call waits.</summary>
    public sealed record Queue(string Id, string NameZh, string NameEn, string Skill, string Strategy, int WrapUpSeconds,
        (int After, string Skill, int Min)[] Tiers);

    /// <summary>The hotline and the IVR choices of the center's documents: 1 consultation, 2 service, 3 complaint, 0 agent.</summary>
    public sealed record Route(string Dialled, string IvrChoice, string QueueId, int Priority);

    public sealed record DemoLogin(string Login, string DisplayName, string Role, string? AgentId = null, string? MerchantId = null,
        string? WorkerId = null, string? MemberId = null);

    public static readonly Merchant[] Merchants =
    [
        new("M001", "郑州安心家政服务有限公司", "91410100MA44TF2E5W", "王秀兰", "037160001001", "金水区花园路 88 号", "金水区",
            ["nanny", "maternity-nurse", "childcare", "hourly", "elder-care", "home-clean"], ["金水区", "郑东新区", "惠济区"]),
        new("M002", "郑州洁净家居保洁有限公司", "91410100MA45B3JQ6W", "李建国", "037160001002", "二七区大学路 16 号", "二七区",
            ["deep-clean", "home-clean", "hood-clean", "floor-wax", "window-clean", "pest-control"], ["二七区", "中原区", "管城回族区"]),
        new("M003", "快修到家维修服务部", "92410100MA46C8RK1B", "张伟", "037160001003", "中原区建设路 120 号", "中原区",
            ["appliance", "plumbing-electric", "drain", "kitchen-bath", "furniture-repair", "locksmith"], ["中原区", "二七区", "金水区"]),
    ];

    /// <summary>What the admin wrote when approving the demo merchants' applications (shown in their admission history).</summary>
    public const string AdmissionReason = "资质齐全，准予加盟（演示数据）";

    public static readonly Worker[] Workers =
    [
        new("W001", "M001", "刘桂芳", "13903710001", ["nanny", "hourly", "home-clean"], 300),
        new("W002", "M001", "陈美玲", "13903710002", ["maternity-nurse", "childcare"], 20),
        new("W003", "M001", "赵淑珍", "13903710003", ["elder-care", "hourly"], -30),
        new("W004", "M002", "孙志强", "13903710004", ["deep-clean", "window-clean", "floor-wax"], 250),
        new("W005", "M002", "周红梅", "13903710005", ["home-clean", "hood-clean"], 180),
        new("W006", "M003", "吴海涛", "13903710006", ["appliance", "plumbing-electric"], 320),
        new("W007", "M003", "郑磊", "13903710007", ["drain", "kitchen-bath", "locksmith"], 90),
    ];

    /// <summary>The one demo team (班组), led by the demo supervisor; every demo seat is in it.</summary>
    public const string Team = "T1";

    public static readonly Agent[] Agents =
    [
        new("A001", "林晓燕", "8001", new() { ["service"] = 5, ["complaint"] = 3 }),
        new("A002", "何静", "8002", new() { ["service"] = 4, ["complaint"] = 4 }),
        new("A003", "马超", "8003", new() { ["service"] = 3 }),
        new("A004", "高丽", "8004", new() { ["complaint"] = 5, ["service"] = 2 }),
    ];

    public static readonly Queue[] Queues =
    [
        new("service", "服务需求", "Service requests", "service", "longest-idle-agent", 30,
            [(0, "service", 3), (30, "service", 1), (90, "complaint", 3)]),
        new("complaint", "投诉建议", "Complaints and suggestions", "complaint", "longest-idle-agent", 60,
            [(0, "complaint", 4), (20, "complaint", 1), (60, "service", 4)]),
    ];

    public const string Hotline = "037112345";

    public static readonly Route[] Routes =
    [
        new(Hotline, "", "service", 0), new(Hotline, "0", "service", 0), new(Hotline, "1", "service", 0),
        new(Hotline, "2", "service", 0), new(Hotline, "3", "complaint", 5),
        // Website callback requests (免费网上呼) by topic.
        new("web-callback", "service", "service", 0), new("web-callback", "complaint", "complaint", 5),
    ];

    public sealed record Member(string Id, string Name, string Phone, bool Vip, string[] Addresses);

    public sealed record PastOrder(string OrderNo, string Kind, string Category, string Status, bool Open, string MemberId, string Phone,
        string? AgentId, string? MerchantId, int DaysAgo);

    public static readonly Member[] Members =
    [
        new("R0001", "张女士", "13800138000", false, ["金水区花园路 8 号院 3 号楼 2 单元 501"]),
        new("R0002", "李先生", "13700137000", true, ["郑东新区商务内环路 2 号 1801", "二七区大学路 66 号"]),
    ];

    /// <summary>History for the demo callers, so a pop shows orders and an open complaint; handled by agent2.</summary>
    public static readonly PastOrder[] PastOrders =
    [
        new("WO20261101001", "service", "home-clean", "Closed", false, "R0001", "13800138000", "A002", "M002", 25),
        new("WO20261118002", "service", "nanny", "InService", true, "R0001", "13800138000", "A002", "M001", 8),
        new("WO20261120003", "complaint", "nanny", "Assigned", true, "R0001", "13800138000", "A002", "M001", 6),
        new("WO20261115004", "service", "appliance", "Closed", false, "R0002", "13700137000", "A001", "M003", 11),
    ];

    public static readonly DemoLogin[] Logins =
    [
        new("admin", "王建华", Roles.Admin),
        new("supervisor", "周敏", Roles.Supervisor),
        new("agent1", "林晓燕", Roles.Agent, AgentId: "A001"),
        new("agent2", "何静", Roles.Agent, AgentId: "A002"),
        new("agent3", "马超", Roles.Agent, AgentId: "A003"),
        new("agent4", "高丽", Roles.Agent, AgentId: "A004"),
        new("merchant1", "王秀兰", Roles.MerchantAdmin, MerchantId: "M001"),
        new("merchant2", "李建国", Roles.MerchantAdmin, MerchantId: "M002"),
        new("worker1", "刘桂芳", Roles.Worker, MerchantId: "M001", WorkerId: "W001"),
        new("resident", "张女士", Roles.Resident, MemberId: "R0001"),
    ];

    /// <summary>A made-up but valid resident ID number for a demo worker (郑州 region, born 1985, check character computed).</summary>
    public static string IdNumber(string workerId)
    {
        var body = $"41010519850315{int.Parse(workerId[1..]) % 1000:000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>Past ratings per demo merchant, oldest first: M001 long and excellent, M002 good, M003 newer and mixed.</summary>
    public sealed record ImportedReview(string Category, string Reviewer, string Comment);

    /// <summary>Comments left with the newest imported ratings, newest first (reviewer names already masked by the old site).</summary>
    public static IReadOnlyList<ImportedReview> ImportedReviews(string merchantId) => merchantId switch
    {
        "M001" => [new("nanny", "王**", "阿姨做饭很合口味，带孩子也细心。"), new("hourly", "陈*", "准时到，打扫得很干净。"),
                   new("home-clean", "李**", "厨房油污处理得很彻底，下次还找她们。")],
        "M002" => [new("deep-clean", "赵**", "新房开荒四个人做了一天，角落都擦到了。"), new("window-clean", "孙*", "玻璃擦得透亮，高处作业有安全绳。")],
        _ => [new("drain", "周**", "半小时就到了，疏通很快，价格和电话里说的一样。"), new("appliance", "吴*", "空调不制冷，师傅检测后换了电容，收费透明。")],
    };

    public static IReadOnlyList<int> PastRatings(string merchantId) => merchantId switch
    {
        "M001" => Enumerable.Range(0, 170).Select(i => i % 17 == 0 ? 4 : i % 53 == 0 ? 3 : 5).ToList(),
        "M002" => Enumerable.Range(0, 100).Select(i => i % 5 == 0 ? 4 : i % 23 == 0 ? 2 : 5).ToList(),
        _ => Enumerable.Range(0, 30).Select(i => i % 4 == 0 ? 3 : i % 7 == 0 ? 2 : 4).ToList(),
    };
}
