using HomeService.Articles;

namespace HomeService.Silo.Seeding;

/// <summary>
/// The information center's demo articles (信息中心): two news items, a notice, a policy explanation and the FAQ, written
/// through the article grains like an admin's, so each has its events, its read row and its sanitized HTML.
/// </summary>
public static class DemoArticles
{
    public static readonly ArticleDraft[] Articles =
    [
        new(ArticleKinds.Policy, "家政服务人员持证上岗要求解读",
            "加盟企业派出的服务人员须持有有效健康证和培训证书，并通过背景审查。",
            """
            ## 适用范围

            本中心所有加盟家政企业派出的服务人员，包括保姆、月嫂、育儿嫂、护工、钟点工和保洁人员。

            ## 基本要求

            1. **健康证**：须在有效期内。健康证过期的服务人员，系统不再向其派单。
            2. **培训证书**：从事母婴护理、养老护理等服务的人员，须持有相应的职业培训证书。
            3. **背景审查**：由所属企业核实身份证件并完成背景审查，结果登记在系统中。

            ## 企业责任

            - 服务人员信息变更（如证件到期、离职）应及时在商户工作台更新；
            - 被列入行业黑名单的人员，任何加盟企业不得派出。

            如有疑问，请拨打服务热线 0371-12345 咨询。
            """),
        new(ArticleKinds.Notice, "关于春节期间家政服务安排的通知",
            "春节期间服务热线照常接听，部分服务项目需提前三天预约，节日期间服务价格以企业公示为准。",
            """
            各位居民朋友：

            春节将至，为保障节日期间的家政服务需求，现将有关安排通知如下：

            - 服务热线 **0371-12345** 春节期间照常 24 小时接听；
            - 保洁、钟点工等服务需求集中，请至少**提前三天**预约；
            - 节日期间服务价格由加盟企业事先公示，下单时座席人员会告知参考价格；
            - 如遇服务人员迟到、爽约等情况，可随时拨打热线投诉，中心将跟进处理。

            祝大家新春愉快！

            家政服务网络中心
            """),
        new(ArticleKinds.News, "家政服务网络中心开通网上下单，居民足不出户即可预约",
            "除拨打服务热线外，居民现在可以在网站上直接预约保洁、保姆、护理等服务，并实时查看订单进度。",
            """
            家政服务网络中心网站近日开通**网上下单**功能。居民登录会员中心后，可以：

            1. 选择服务类别，填写服务地址和上门时间；
            2. 查看订单派给了哪家企业、哪位服务人员；
            3. 服务完成后进行评价，评价结果计入企业信用。

            中心按照企业的服务范围、信用等级和接单情况自动派单，超时未接单的订单会转给下一家企业。

            > 不方便上网的居民，仍可拨打服务热线 0371-12345，由座席人员代为下单。
            """),
        new(ArticleKinds.News, "服务人员“一人一码”全面推行",
            "每位服务人员都有专属安心码，居民扫码即可核实身份、健康证和培训情况。",
            """
            从本月起，中心加盟企业的服务人员全面推行**一人一码**。

            服务人员上门时出示安心码，居民用手机扫一扫，就能看到：

            - 服务人员的姓名（部分隐去）和所属企业；
            - 健康证是否在有效期内、是否经过培训和背景审查；
            - 安心码颜色：**绿码**可放心服务，**黄码**表示证件即将到期或需要补充，**红码**请勿接受服务并拨打热线反映。

            服务人员离职后安心码立即失效。
            """),
        new(ArticleKinds.Faq, "如何预约家政服务？",
            "拨打服务热线或在网站上下单均可。",
            """
            有两种方式：

            1. **电话预约**：拨打服务热线 0371-12345，按语音提示选择“服务预约”，座席人员会记录您的需求并派单；
            2. **网上预约**：登录网站会员中心，选择服务类别、填写地址和上门时间后提交。

            下单后，接单企业会在约定时间内与您联系确认。
            """),
        new(ArticleKinds.Faq, "服务价格是怎么定的？",
            "价格由加盟企业公示，下单时可查询参考价格。",
            """
            各类服务的价格由提供服务的加盟企业制定并公示，中心在服务分类中列出**参考价格**（例如钟点工按小时计价，月嫂按月计价）。

            实际价格以您与企业确认的为准。如发现企业收费明显高于公示价格，可以拨打服务热线投诉。
            """),
        new(ArticleKinds.Faq, "对服务不满意，怎么投诉？",
            "拨打服务热线选择投诉，中心会转交企业处理并回访。",
            """
            拨打服务热线 0371-12345，按语音提示选择“投诉”，说明订单号、服务时间和问题经过。

            - 中心受理后会转交相关企业处理，并在处理完成后**回访**您是否满意；
            - 经核实成立的投诉会影响企业和服务人员的信用评价；
            - 情节严重的，企业或服务人员可能被暂停接单或列入行业黑名单；诚信经营、表现突出的企业可列入红名单，获得优先推荐。
            """),
        new(ArticleKinds.Faq, "什么是“一人一码”？怎么查验？",
            "服务人员的专属安心码，扫码可核实身份和证件。",
            """
            “一人一码”是每位服务人员的专属安心码。服务人员上门时，请您用手机扫描其出示的二维码，页面会显示服务人员所属企业、证件情况和安心码颜色。

            如果页面显示**红码**，或者提示“安心码无效”，请不要接受服务，并拨打服务热线 0371-12345 反映。
            """),
        new(ArticleKinds.Faq, "预约后可以改时间或取消吗？",
            "可以，请尽早联系服务热线或接单企业。",
            """
            可以。服务人员出发前，您可以拨打服务热线或联系接单企业修改上门时间或取消订单。

            服务人员已经出发后再取消，企业可能按公示标准收取一定费用，请尽量提前告知。
            """),
    ];

    /// <summary>Creates and publishes every demo article, oldest first, so the newest news leads the list.</summary>
    public static async Task Seed(IGrainFactory grains, string actor)
    {
        foreach (var draft in Articles)
        {
            var created = await grains.GetGrain<IArticleRegistryGrain>(0).Create(draft, actor);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo article {draft.Title} was refused: {string.Join(", ", created.Errors!.Keys)}");
            await grains.GetGrain<IArticleGrain>(created.Value!.Id).Publish(actor);
        }
    }
}
