namespace HomeService.Silo.Seeding;

/// <summary>The center's service catalogue (业务属性定义) as its documents list it: two levels, Chinese first.</summary>
public static class ServiceCatalogue
{
    public sealed record Category(string Code, string NameZh, string NameEn, IReadOnlyList<(string Code, string NameZh, string NameEn)> Children);

    public static readonly IReadOnlyList<Category> Tree =
    [
        new("domestic", "家政服务", "Domestic help",
        [
            ("nanny", "保姆", "Nanny"), ("maternity-nurse", "月嫂", "Maternity nurse"), ("childcare", "育儿嫂", "Childcare nanny"),
            ("hourly", "钟点工/小时工", "Hourly helper"), ("monthly-hourly", "包月小时工", "Monthly hourly helper"), ("cooking", "做饭", "Home cooking"),
        ]),
        new("cleaning", "保洁清洗", "Cleaning",
        [
            ("deep-clean", "开荒保洁", "Move-in deep clean"), ("home-clean", "家庭保洁", "Home cleaning"), ("hood-clean", "油烟机清洗", "Range hood cleaning"),
            ("floor-wax", "地板打蜡", "Floor waxing"), ("window-clean", "玻璃清洗", "Window cleaning"),
        ]),
        new("care", "护理", "Care",
        [
            ("elder-care", "养老护理", "Elderly care"), ("hospital-escort", "医疗陪护", "Hospital escort"),
            ("patient-care", "病人看护", "Patient care"), ("infant-care", "婴幼看护", "Infant care"),
        ]),
        new("repair", "维修", "Repair",
        [
            ("appliance", "家电维修", "Appliance repair"), ("plumbing-electric", "水电维修", "Plumbing and electrics"), ("drain", "管道疏通", "Drain unblocking"),
            ("kitchen-bath", "厨卫维修", "Kitchen and bathroom repair"), ("furniture-repair", "家居维修", "Furniture repair"), ("computer", "电脑维修", "Computer repair"),
        ]),
        new("moving", "搬家", "Moving",
        [
            ("home-move", "居民搬家", "Home moving"), ("office-move", "公司搬家", "Office moving"), ("furniture-assembly", "家具拆装", "Furniture assembly"),
        ]),
        new("living", "生活服务", "Daily living",
        [
            ("pest-control", "除虫灭鼠", "Pest control"), ("flowers", "鲜花速递", "Flower delivery"), ("cake", "蛋糕", "Cakes"),
            ("locksmith", "开锁换锁", "Locksmith"), ("designated-driver", "汽车代驾", "Designated driver"), ("courier", "快递", "Courier"),
        ]),
        new("education", "教育", "Education",
        [
            ("tutoring", "家教", "Home tutoring"), ("early-education", "早教", "Early education"), ("music", "音乐培训", "Music lessons"),
        ]),
        new("ceremony", "礼仪", "Ceremonies",
        [
            ("wedding", "婚庆", "Weddings"), ("host", "主持人", "Event host"), ("funeral", "殡葬服务", "Funeral services"),
        ]),
        new("consulting", "咨询", "Consulting",
        [
            ("legal", "法律咨询", "Legal advice"), ("real-estate", "房产服务", "Real estate services"),
        ]),
    ];
}
