namespace HomeService.CallCenter.Ivr;

/// <summary>
/// The center's hotline menu as its documents describe it: 1 consultation (咨询), 2 service request (发布服务需求),
/// 3 complaint or suggestion (投诉及建议, the complaints queue with raised priority), 0 an agent; plus 4 order status
/// (工单查询, self-service). Consultation opens a second menu: service information, opening hours, a message, a callback.
/// The demo seed publishes it as version 1 of the main hotline.
/// </summary>
public static class DefaultIvrFlow
{
    public const string Root = "main";
    public const int ComplaintPriority = 5;

    public static IvrFlowDefinition Definition { get; } = new(Root, new Dictionary<string, IvrMenu>
    {
        [Root] = new("主菜单",
            "您好，欢迎致电家政服务网络中心。咨询请按1，发布服务需求请按2，投诉及建议请按3，查询工单进度请按4，人工服务请按0。",
            8, 2,
            [
                new("1", "咨询", new(IvrActionKinds.Menu, "consult")),
                new("2", "发布服务需求", new(IvrActionKinds.Queue, "service")),
                new("3", "投诉及建议", new(IvrActionKinds.Queue, "complaint", ComplaintPriority)),
                new("4", "工单查询", new(IvrActionKinds.SelfService)),
                new("0", "人工服务", new(IvrActionKinds.Agent)),
            ],
            new(IvrActionKinds.Agent)),
        ["consult"] = new("咨询",
            "服务项目与收费说明请按1，服务时间请按2，留言请按3，预约回呼请按4，人工咨询请按0，返回上级菜单请按9。",
            8, 2,
            [
                new("1", "服务项目与收费", new(IvrActionKinds.Info, Text:
                    "本中心提供保姆、月嫂、育儿嫂、钟点工、养老护理、家庭保洁和家电维修等服务，收费以商户公示价格为准，详情请登录网站查询。感谢您的来电，再见。")),
                new("2", "服务时间", new(IvrActionKinds.Info, Text:
                    "本中心热线每天早八点至晚八点有人工服务，其余时间可以留言或预约回呼。感谢您的来电，再见。")),
                new("3", "留言", new(IvrActionKinds.Voicemail)),
                new("4", "预约回呼", new(IvrActionKinds.Callback)),
                new("0", "人工咨询", new(IvrActionKinds.Agent)),
                new("9", "返回上级菜单", new(IvrActionKinds.Menu, Root)),
            ],
            new(IvrActionKinds.Agent)),
    });
}
