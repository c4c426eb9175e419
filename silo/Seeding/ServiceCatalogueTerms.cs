using HomeService.Catalogue;

namespace HomeService.Silo.Seeding;

/// <summary>
/// The demo catalogue's business attributes. Categories not listed need only the worker skill of the same name and
/// use the center-wide SLA settings.
/// </summary>
public static class ServiceCatalogueTerms
{
    private static readonly Dictionary<string, CategoryTerms> Listed = new()
    {
        ["deep-clean"] = new([new("rooms", "房间数", "Rooms", "number", true), new("area", "建筑面积(㎡)", "Floor area (m²)", "number", false)],
            null, 8, "按面积计价，约 6–10 元/㎡，最低 300 元", "Priced by area, about ¥6–10 per m², at least ¥300", ["deep-clean"]),
        ["home-clean"] = new([new("area", "建筑面积(㎡)", "Floor area (m²)", "number", false)],
            null, null, "按小时计价，约 40–60 元/小时，2 小时起", "Hourly, about ¥40–60 an hour, two hours minimum", ["home-clean"]),
        ["maternity-nurse"] = new([new("dueDate", "预产期", "Due date", "date", true), new("days", "服务天数", "Days of service", "number", false)],
            120, 24, "26 天一期，约 8000–15000 元，按星级定价", "26-day term, about ¥8,000–15,000 by grade", ["maternity-nurse"]),
        ["nanny"] = new([new("careFor", "照护对象", "Who needs care", "text", false)],
            60, 24, "住家保姆约 4500–7000 元/月", "Live-in nanny about ¥4,500–7,000 a month", ["nanny"]),
        ["drain"] = new([], 15, 3, "上门费 30 元，疏通 80–200 元", "Call-out ¥30, unblocking ¥80–200", ["drain"]),
        ["locksmith"] = new([new("lockType", "锁的类型", "Lock type", "text", false)], 15, 2,
            "开锁 80–150 元，需出示身份证件", "Opening ¥80–150; identity papers are required", ["locksmith"]),
        ["appliance"] = new([new("appliance", "电器及品牌", "Appliance and brand", "text", true)],
            30, 6, "检测费 30 元，维修按配件和工时报价", "Inspection ¥30; repairs quoted for parts and labour", ["appliance"]),
    };

    public static CategoryTerms For(string code)
    {
        var terms = Listed.GetValueOrDefault(code) ?? new([], null, null, null, null, [code]);
        terms = terms with { Aliases = ServiceGuides.Aliases.GetValueOrDefault(code) ?? [] };
        return ServiceGuides.All.TryGetValue(code, out var g)
            ? terms with { DescriptionZh = g.DescriptionZh, DescriptionEn = g.DescriptionEn, DurationZh = g.DurationZh, DurationEn = g.DurationEn }
            : terms;
    }
}
