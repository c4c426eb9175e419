using HomeService.CallCenter;
using HomeService.CallCenter.Ivr;

namespace HomeService.Tests.Unit.CallCenter;

public sealed class IvrFlowValidatorTests
{
    private static readonly string[] Queues = ["service", "complaint"];

    private static IvrFlowDefinition Default => DefaultIvrFlow.Definition;

    private static IvrFlowDefinition WithMenu(IvrFlowDefinition flow, string id, Func<IvrMenu, IvrMenu> change) =>
        flow with { Menus = new Dictionary<string, IvrMenu>(flow.Menus!) { [id] = change(flow.Menus![id]) } };

    private static IvrMenu WithOption(IvrMenu menu, int index, IvrOption option)
    {
        var options = menu.Options!.ToList();
        if (index == options.Count) options.Add(option); else options[index] = option;
        return menu with { Options = options };
    }

    private static Dictionary<string, string[]> Errors(IvrFlowDefinition flow) => IvrFlowValidator.Validate(flow, Queues);

    [Fact]
    public void The_default_flow_is_valid()
    {
        Assert.Empty(Errors(Default));
    }

    [Fact]
    public void An_option_to_a_menu_that_does_not_exist_is_named_by_its_path()
    {
        var flow = WithMenu(Default, "main", m => WithOption(m, 5, new("5", "新菜单", new(IvrActionKinds.Menu, "nowhere"))));
        Assert.Equal(["unknown-menu"], Errors(flow)["menus.main.options.5.action.target"]);
    }

    [Fact]
    public void An_option_without_an_action_is_a_dead_end()
    {
        var flow = WithMenu(Default, "main", m => WithOption(m, 4, new("0", "人工服务", null)));
        Assert.Equal(["dead-end"], Errors(flow)["menus.main.options.4.action"]);
    }

    [Fact]
    public void A_menu_without_a_fallback_is_refused()
    {
        var flow = WithMenu(Default, "consult", m => m with { Fallback = null });
        Assert.Equal(["no-fallback"], Errors(flow)["menus.consult.fallback"]);
    }

    [Fact]
    public void Duplicate_digits_empty_prompts_and_out_of_range_timeouts_and_retries_are_refused()
    {
        var flow = WithMenu(Default, "main", m => WithOption(m with { Prompt = " ", TimeoutSeconds = 61, Retries = 6 }, 1,
            new("1", "又是1", new(IvrActionKinds.Agent))));
        var errors = Errors(flow);
        Assert.Equal(["duplicate"], errors["menus.main.options.1.digit"]);
        Assert.Equal(["required"], errors["menus.main.prompt"]);
        Assert.Equal(["range:1-60"], errors["menus.main.timeoutSeconds"]);
        Assert.Equal(["range:0-5"], errors["menus.main.retries"]);
        Assert.Equal(["range:1-60"], Errors(WithMenu(Default, "main", m => m with { TimeoutSeconds = 0 }))["menus.main.timeoutSeconds"]);
    }

    [Fact]
    public void Unknown_queues_and_action_kinds_are_refused()
    {
        var flow = WithMenu(Default, "main", m => WithOption(WithOption(m, 1, new("2", "服务", new(IvrActionKinds.Queue, "no-such-queue"))),
            2, new("3", "投诉", new("teleport"))));
        var errors = Errors(flow);
        Assert.Equal(["unknown"], errors["menus.main.options.1.action.target"]);
        Assert.Equal(["unknown"], errors["menus.main.options.2.action.kind"]);
    }

    [Fact]
    public void Menus_that_only_lead_to_each_other_are_dead_ends_even_though_links_back_are_allowed()
    {
        // "loop-a" and "loop-b" point only at each other (by options and fallbacks): a caller there can never be served.
        var menus = new Dictionary<string, IvrMenu>(Default.Menus!)
        {
            ["loop-a"] = new("甲", "按1去乙", 5, 1, [new("1", "乙", new(IvrActionKinds.Menu, "loop-b"))], new(IvrActionKinds.Menu, "loop-b")),
            ["loop-b"] = new("乙", "按1去甲", 5, 1, [new("1", "甲", new(IvrActionKinds.Menu, "loop-a"))], new(IvrActionKinds.Menu, "loop-a")),
        };
        var flow = WithMenu(Default with { Menus = menus }, "main", m => WithOption(m, 5, new("5", "甲", new(IvrActionKinds.Menu, "loop-a"))));
        var errors = Errors(flow);
        Assert.Equal(["dead-end"], errors["menus.loop-a"]);
        Assert.Equal(["dead-end"], errors["menus.main.options.5"]);
        // The default flow's "9 return to the main menu" is a link back and is fine.
        Assert.Empty(Errors(Default));
    }

    [Fact]
    public void A_menu_no_way_leads_to_is_unreachable()
    {
        var menus = new Dictionary<string, IvrMenu>(Default.Menus!)
        {
            ["orphan"] = new("孤立", "按0转人工", 5, 1, [new("0", "人工", new(IvrActionKinds.Agent))], new(IvrActionKinds.Agent)),
        };
        Assert.Equal(["unreachable"], Errors(Default with { Menus = menus })["menus.orphan"]);
    }

    [Fact]
    public void Fallbacks_that_go_round_in_a_circle_are_refused()
    {
        // Both menus have an agent option, so neither is a dead end; but a silent caller would bounce between them for ever.
        var flow = WithMenu(WithMenu(Default, "main", m => m with { Fallback = new(IvrActionKinds.Menu, "consult") }),
            "consult", m => m with { Fallback = new(IvrActionKinds.Menu, "main") });
        Assert.Equal(["fallback-loop"], Errors(flow)["menus.main.fallback"]);
    }

    [Fact]
    public void A_missing_or_unknown_root_is_refused()
    {
        Assert.Equal(["required"], Errors(Default with { Root = null })["root"]);
        Assert.Equal(["unknown-menu"], Errors(Default with { Root = "lobby" })["root"]);
        Assert.Equal(["required"], Errors(new IvrFlowDefinition("main", null))["menus"]);
    }

    [Fact]
    public void An_info_action_needs_its_text()
    {
        var flow = WithMenu(Default, "consult", m => WithOption(m, 0, new("1", "服务项目", new(IvrActionKinds.Info))));
        Assert.Equal(["required"], Errors(flow)["menus.consult.options.0.action.text"]);
    }
}
