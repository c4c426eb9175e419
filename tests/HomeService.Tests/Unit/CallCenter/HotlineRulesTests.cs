using HomeService.CallCenter;
using HomeService.CallCenter.Hotlines;
using HomeService.CallCenter.Ivr;

namespace HomeService.Tests.Unit.CallCenter;

/// <summary>What a hotline's settings must be, how an IVR choice is routed, and the what-if walk through the default flow.</summary>
public sealed class HotlineRulesTests
{
    private static readonly string[] Queues = ["service", "complaint"];

    private static HotlineSettings Valid() =>
        new("家政服务热线", true, [new("", "service", 0), new("3", "complaint", 5)], "08:00-20:00", "", "", ClosedActions.Voicemail, "", null, "", false);

    [Fact]
    public void Valid_settings_pass_and_are_stored_in_one_form()
    {
        var normalized = HotlineRules.Normalize(Valid() with { Name = " 家政服务热线 ", WorkdayHours = "8:00 - 20:00" });
        Assert.Empty(HotlineRules.Validate("037112345", normalized, Queues));
        Assert.Equal(("家政服务热线", "08:00-20:00"), (normalized.Name, normalized.WorkdayHours));
    }

    [Fact]
    public void Each_broken_part_is_named_by_its_field_and_route_row()
    {
        var broken = HotlineRules.Normalize(Valid() with
        {
            Name = "", Routes = [new("3", "complaint", 5), new("3", "nowhere", 11), new("1*2#5678x", "service", 0)], RestDayHours = "全天",
            ClosedAction = ClosedActions.Overflow, OverflowTo = null,
        });
        var errors = HotlineRules.Validate("037112345", broken, Queues);
        Assert.Equal("required", errors["name"][0]);
        Assert.Equal("no-default-route", errors["routes"][0]);
        Assert.Equal("duplicate", errors["routes[1].choice"][0]);
        Assert.Equal("unknown", errors["routes[1].queueId"][0]);
        Assert.Equal("range:0-10", errors["routes[1].priority"][0]);
        Assert.Equal("format", errors["routes[2].choice"][0]);
        Assert.Equal("hours-format", errors["restDayHours"][0]);
        Assert.Equal("required", errors["overflowTo"][0]);
        Assert.Equal("overflow-to-itself", HotlineRules.Validate("037112345", Valid() with { OverflowTo = "037112345" }, Queues)["overflowTo"][0]);
        Assert.Equal("format", HotlineRules.Validate("12345'--", Valid(), Queues)["dialled"][0]);
    }

    [Fact]
    public void The_website_s_callback_requests_route_topics_and_need_no_default()
    {
        var web = Valid() with { Routes = [new("service", "service", 0), new("complaint", "complaint", 5)] };
        Assert.Empty(HotlineRules.Validate(HotlineRules.WebCallback, web, Queues));
        Assert.True(HotlineRules.Validate("037112345", web, Queues).ContainsKey("routes"));
    }

    [Fact]
    public void A_choice_without_a_route_of_its_own_takes_the_default()
    {
        Assert.Equal(new HotlineRoute("complaint", 5), HotlineDoor.Route(Valid(), "3"));
        Assert.Equal(new HotlineRoute("service", 0), HotlineDoor.Route(Valid(), "9"));
        Assert.Equal(new HotlineRoute("service", 0), HotlineDoor.Route(Valid(), null));
    }

    [Fact]
    public void The_walk_follows_the_keys_through_the_menus_to_where_the_caller_leaves()
    {
        var flow = DefaultIvrFlow.Definition;
        var agent = IvrWalk.Run(flow, "1 0");
        Assert.Equal(["主菜单", "主菜单", "咨询"], agent.Steps.Select(s => s.Menu));
        Assert.Equal(IvrActionKinds.Agent, agent.Leave!.Kind);

        var complaint = IvrWalk.Run(flow, "3");
        Assert.Equal((IvrActionKinds.Queue, "complaint", 5), (complaint.Leave!.Kind, complaint.Leave.Target, complaint.Leave.Priority));

        var silent = IvrWalk.Run(flow, "- - -"); // three timeouts: the retries, then the fallback (an agent)
        Assert.Equal(IvrActionKinds.Agent, silent.Leave!.Kind);
        Assert.All(silent.Steps.Skip(1), s => Assert.StartsWith("timeout", s.Outcome));

        var waiting = IvrWalk.Run(flow, "1");
        Assert.Null(waiting.Leave);
        Assert.StartsWith("服务项目与收费说明请按1", waiting.Prompt);
        Assert.True(IvrWalk.Run(flow, "4 20261118002#").LooksUpOrder);
    }
}
