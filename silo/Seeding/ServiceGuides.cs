namespace HomeService.Silo.Seeding;

/// <summary>
/// The service guide (服务速查) for each category of the center's catalogue: what the service covers and its typical
/// duration, in Chinese and English. Admins change it later through the category's terms.
/// </summary>
public static class ServiceGuides
{
    public sealed record Guide(string DescriptionZh, string DescriptionEn, string DurationZh, string DurationEn);

    /// <summary>
    /// The names residents use for a service (俗称), which search knows it by: "日常保洁" finds 家庭保洁 and 钟点工. Admins
    /// change them with the category's terms on the back office's catalogue page.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases = new Dictionary<string, IReadOnlyList<string>>
    {
        ["nanny"] = ["保姆", "住家保姆", "白班保姆", "阿姨", "家政阿姨"],
        ["maternity-nurse"] = ["月嫂", "月子护理", "产后护理"],
        ["childcare"] = ["育儿嫂", "带孩子", "看孩子", "阿姨"],
        ["hourly"] = ["钟点工", "小时工", "日常保洁", "打扫卫生", "做家务", "阿姨"],
        ["monthly-hourly"] = ["包月钟点工", "包月阿姨"],
        ["cooking"] = ["做饭阿姨", "上门做饭", "厨师"],
        ["deep-clean"] = ["开荒", "新房保洁", "装修后保洁"],
        ["home-clean"] = ["日常保洁", "家庭保洁", "家政保洁", "打扫卫生", "大扫除", "保洁阿姨"],
        ["hood-clean"] = ["抽油烟机清洗", "清洗油烟机"],
        ["window-clean"] = ["擦玻璃", "擦窗户"],
        ["elder-care"] = ["护工", "养老", "照顾老人", "陪护老人"],
        ["hospital-escort"] = ["陪护", "医院陪护", "护工"],
        ["infant-care"] = ["看护宝宝", "带宝宝"],
        ["appliance"] = ["修空调", "修冰箱", "修洗衣机", "修热水器"],
        ["plumbing-electric"] = ["水电工", "修水管", "电工"],
        ["drain"] = ["通下水道", "通马桶", "马桶堵了"],
        ["home-move"] = ["搬家公司"],
        ["locksmith"] = ["开锁", "换锁"],
    };

    public static readonly IReadOnlyDictionary<string, Guide> All = new Dictionary<string, Guide>
    {
        ["nanny"] = new("住家或白班保姆，负责做饭、日常清洁、洗衣熨烫，可兼顾老人或孩子的照看。", "A live-in or day nanny who cooks, keeps the home clean, does the laundry and can look after a child or an older person.", "按月签约，通常 1 年", "Monthly contract, usually a year"),
        ["maternity-nurse"] = new("持证月嫂照护产妇与新生儿：月子餐、母乳喂养指导、新生儿护理与抚触。", "A certified maternity nurse cares for mother and newborn: confinement meals, breastfeeding support, newborn care.", "26 天一期", "26-day term"),
        ["childcare"] = new("照看 0–6 岁儿童的生活起居、辅食制作、早教游戏与安全看护。", "Day-to-day care of children up to six: meals, play, early learning and safety.", "按月签约", "Monthly contract"),
        ["hourly"] = new("按小时上门的家务帮手：打扫、整理、洗衣、做饭，时间灵活。", "A helper by the hour for cleaning, tidying, laundry or cooking, when you need it.", "2 小时起", "Two hours minimum"),
        ["monthly-hourly"] = new("固定时段的钟点工包月服务，同一位阿姨定期上门。", "The same hourly helper at fixed times every week, billed by the month.", "按月，每周固定时段", "Monthly, fixed weekly slots"),
        ["cooking"] = new("上门做家常饭菜或宴请菜，食材可代购。", "Home cooking, everyday meals or a dinner for guests; groceries can be bought for you.", "每餐约 2–3 小时", "About 2–3 hours a meal"),
        ["deep-clean"] = new("新房或装修后的开荒保洁：清除建筑灰尘、胶渍和涂料，擦洗门窗、厨卫与地面。", "Move-in clean after building work: dust, glue and paint marks removed; doors, windows, kitchen, bathrooms and floors scrubbed.", "100 ㎡ 约 1 天（3–4 人）", "About a day for 100 m² (3–4 people)"),
        ["home-clean"] = new("日常家庭保洁：除尘、拖地、厨房和卫生间清洁、物品整理。", "Regular home cleaning: dusting, mopping, kitchen and bathroom, tidying.", "2–4 小时", "2–4 hours"),
        ["hood-clean"] = new("拆洗油烟机的网罩、风轮与油盒，去除油垢，装回试机。", "The range hood taken apart, its filters, fan and grease cup degreased, refitted and tested.", "约 1.5 小时", "About 1.5 hours"),
        ["floor-wax"] = new("木地板或石材地面清洁后打蜡、抛光养护。", "Wood or stone floors cleaned, waxed and polished.", "100 ㎡ 约 4 小时", "About 4 hours for 100 m²"),
        ["window-clean"] = new("室内外玻璃、窗框和纱窗清洗，高处作业由持证人员完成。", "Glass, frames and screens inside and out; work at height only by certified staff.", "约 2–4 小时", "About 2–4 hours"),
        ["elder-care"] = new("照护老人的饮食起居、助浴助行、用药提醒与陪伴。", "Care for an older person: meals, bathing and walking help, medicine reminders and company.", "按天或按月", "By the day or the month"),
        ["hospital-escort"] = new("住院期间的陪护：生活照料、协助就医、夜间看护。", "A companion in hospital: personal care, help with treatment visits, night watch.", "按天，24 小时或白班", "By the day, 24 hours or daytime"),
        ["patient-care"] = new("居家病人护理：翻身、清洁、饮食与康复训练协助。", "Care for a patient at home: turning, washing, meals and help with rehabilitation exercises.", "按天或按月", "By the day or the month"),
        ["infant-care"] = new("0–3 岁婴幼儿看护：喂养、睡眠、洗护与安全。", "Care for babies and toddlers up to three: feeding, sleep, bathing and safety.", "按天或按月", "By the day or the month"),
        ["appliance"] = new("空调、冰箱、洗衣机、热水器等家电的检测与维修，配件明码标价。", "Air conditioners, fridges, washing machines, water heaters and more inspected and repaired; parts at listed prices.", "检测约 1 小时", "Inspection about an hour"),
        ["plumbing-electric"] = new("水管、龙头、开关插座、灯具与线路的安装和维修。", "Pipes, taps, switches, sockets, lights and wiring installed or repaired.", "约 1–2 小时", "About 1–2 hours"),
        ["drain"] = new("下水道、马桶、地漏和厨房管道的疏通。", "Blocked drains, toilets, floor drains and kitchen pipes cleared.", "约 1 小时", "About an hour"),
        ["kitchen-bath"] = new("厨房与卫生间的五金、橱柜、防水与渗漏维修。", "Kitchen and bathroom fittings, cabinets, waterproofing and leaks repaired.", "约 2–4 小时", "About 2–4 hours"),
        ["furniture-repair"] = new("门窗、柜门、桌椅等家具的修理与五金更换。", "Doors, cupboards, tables and chairs repaired; hinges and handles replaced.", "约 1–3 小时", "About 1–3 hours"),
        ["computer"] = new("电脑与打印机的故障排查、系统安装和网络设置。", "Computer and printer faults found and fixed, systems installed, home networks set up.", "约 1–2 小时", "About 1–2 hours"),
        ["home-move"] = new("居民搬家：打包、搬运、运输与就位，可提供拆装家具。", "Home moves: packing, carrying, transport and placing; furniture can be taken apart and reassembled.", "半天到 1 天", "Half a day to a day"),
        ["office-move"] = new("公司搬迁：办公家具、设备与档案的整体搬运。", "Office moves: furniture, equipment and files moved together.", "1–2 天，可夜间施工", "1–2 days, night work possible"),
        ["furniture-assembly"] = new("家具的拆卸、组装与安装上墙。", "Furniture taken apart, assembled or fixed to the wall.", "约 1–3 小时", "About 1–3 hours"),
        ["pest-control"] = new("蟑螂、老鼠、白蚁等虫害的消杀，使用合规药剂。", "Cockroaches, rats, termites and other pests treated with approved products.", "约 1–2 小时，视虫情复查", "About 1–2 hours, with a follow-up if needed"),
        ["flowers"] = new("鲜花、花篮、绿植的预订与同城配送。", "Flowers, baskets and plants ordered and delivered in the city.", "当日送达", "Same-day delivery"),
        ["cake"] = new("生日蛋糕与节日糕点的预订和配送。", "Birthday cakes and festival pastries ordered and delivered.", "提前 1 天预订", "Order a day ahead"),
        ["locksmith"] = new("开锁、换锁芯与智能锁安装，开锁须出示身份证明并登记。", "Locks opened, cylinders changed, smart locks fitted; opening a lock requires proof of identity and is recorded.", "约 30 分钟–1 小时", "About 30 minutes to an hour"),
        ["designated-driver"] = new("酒后或长途的汽车代驾，司机持证上岗。", "A licensed driver takes your car home after drinking or on a long trip.", "按行程", "By the trip"),
        ["courier"] = new("同城文件与物品的上门取件和送达。", "Documents and parcels picked up and delivered within the city.", "约 2–4 小时送达", "Delivered in about 2–4 hours"),
        ["tutoring"] = new("中小学各科上门家教，可试讲。", "Home tutoring for primary and secondary school subjects; a trial lesson can be arranged.", "每次 2 小时", "Two hours a lesson"),
        ["early-education"] = new("0–6 岁儿童的早期教育与启蒙游戏。", "Early learning and play for children up to six.", "每次约 1 小时", "About an hour a session"),
        ["music"] = new("钢琴、古筝、小提琴等乐器的上门教学。", "Piano, guzheng, violin and other instruments taught at home.", "每次 1 小时", "An hour a lesson"),
        ["wedding"] = new("婚礼策划、场地布置、摄影摄像与婚车安排。", "Wedding planning, decoration, photography and cars.", "按婚礼安排", "As the wedding requires"),
        ["host"] = new("婚礼、庆典、会议的主持人。", "A host for weddings, celebrations and meetings.", "按活动时长", "For the length of the event"),
        ["funeral"] = new("殡葬礼仪、灵堂布置与流程协助，尊重当地习俗。", "Funeral arrangements, the mourning hall and help through each step, respecting local custom.", "按需安排", "As needed"),
        ["legal"] = new("婚姻家庭、劳务合同、消费纠纷等常见法律问题咨询。", "Advice on family matters, employment contracts, consumer disputes and other everyday legal questions.", "每次约 30 分钟", "About 30 minutes a session"),
        ["real-estate"] = new("房屋租售信息、过户手续与租赁合同咨询。", "Renting and selling homes, transfer formalities and tenancy contracts.", "按需安排", "As needed"),
    };
}
