namespace HomeService.Silo.Seeding;

/// <summary>
/// Zhengzhou's urban districts and development zones with some of their streets (街道 / 办事处), as the demo center
/// serves them. Codes are permanent; names are what addresses and merchants' service areas carry.
/// </summary>
public static class DemoPlaces
{
    public sealed record District(string Code, string NameZh, string NameEn, IReadOnlyList<(string Zh, string En)> Streets);

    public static readonly IReadOnlyList<District> All =
    [
        new("jinshui", "金水区", "Jinshui",
            Streets(("经八路", "Jingbalu"), ("花园路", "Huayuanlu"), ("人民路", "Renminlu"), ("杜岭", "Duling"), ("大石桥", "Dashiqiao"),
                ("南阳路", "Nanyanglu"), ("文化路", "Wenhualu"), ("丰产路", "Fengchanlu"), ("东风路", "Dongfenglu"), ("未来路", "Weilailu"))),
        new("zhengdong", "郑东新区", "Zhengdong New Area",
            Offices(("如意湖", "Ruyihu"), ("龙子湖", "Longzihu"), ("博学路", "Boxuelu"), ("祭城路", "Jichenglu"), ("龙湖", "Longhu"))),
        new("huiji", "惠济区", "Huiji",
            Streets(("新城", "Xincheng"), ("长兴路", "Changxinglu"), ("迎宾路", "Yingbinlu"), ("大河路", "Dahelu"), ("刘寨", "Liuzhai"), ("老鸦陈", "Laoyachen"))),
        new("erqi", "二七区", "Erqi",
            Streets(("五里堡", "Wulipu"), ("淮河路", "Huaihelu"), ("解放路", "Jiefanglu"), ("一马路", "Yimalu"), ("铭功路", "Minggonglu"),
                ("蜜蜂张", "Mifengzhang"), ("建中街", "Jianzhongjie"), ("长江路", "Changjianglu"), ("福华街", "Fuhuajie"), ("德化街", "Dehuajie"))),
        new("zhongyuan", "中原区", "Zhongyuan",
            Streets(("林山寨", "Linshanzhai"), ("建设路", "Jianshelu"), ("棉纺路", "Mianfanglu"), ("秦岭路", "Qinlinglu"), ("桐柏路", "Tongbailu"),
                ("三官庙", "Sanguanmiao"), ("绿东村", "Lüdongcun"), ("汝河路", "Ruhelu"))),
        new("guancheng", "管城回族区", "Guancheng Hui",
            Streets(("北下街", "Beixiajie"), ("西大街", "Xidajie"), ("南关", "Nanguan"), ("城东路", "Chengdonglu"), ("东大街", "Dongdajie"),
                ("二里岗", "Erligang"), ("紫荆山南路", "Zijingshan Nanlu"), ("航海东路", "Hanghai Donglu"))),
        new("gaoxin", "高新区", "High-tech Zone",
            Offices(("石佛", "Shifo"), ("沟赵", "Gouzhao"), ("枫杨", "Fengyang"), ("梧桐", "Wutong"), ("双桥", "Shuangqiao"))),
        new("jingkai", "经开区", "Economic Development Zone",
            Offices(("明湖", "Minghu"), ("潮河", "Chaohe"), ("京航", "Jinghang"), ("前程", "Qiancheng"))),
        new("shangjie", "上街区", "Shangjie",
            Streets(("济源路", "Jiyuanlu"), ("中心路", "Zhongxinlu"), ("新安路", "Xin'anlu"), ("工业路", "Gongyelu"), ("矿山", "Kuangshan"))),
        new("hangkonggang", "航空港区", "Airport Economy Zone",
            Offices(("新港", "Xingang"), ("滨河", "Binhe"), ("张庄", "Zhangzhuang"), ("八岗", "Bagang"))),
    ];

    private static IReadOnlyList<(string, string)> Streets(params (string Zh, string En)[] names) =>
        names.Select(n => ($"{n.Zh}街道", $"{n.En} Subdistrict")).ToList();

    /// <summary>The development zones' streets are run by offices (办事处) of the zone.</summary>
    private static IReadOnlyList<(string, string)> Offices(params (string Zh, string En)[] names) =>
        names.Select(n => ($"{n.Zh}办事处", $"{n.En} Office")).ToList();
}
