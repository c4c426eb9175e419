using HomeService.CallCenter;
using HomeService.CallCenter.Ivr;

namespace HomeService.Tests.Unit.CallCenter;

public sealed class IvrSessionTests
{
    private static readonly IvrFlowDefinition Flow = DefaultIvrFlow.Definition;
    private static readonly IvrPosition Main = new("main", 0, false);

    [Fact]
    public void Entering_asks_the_main_menu_for_one_digit_with_its_timeout()
    {
        var turn = IvrSession.Start(Flow);
        Assert.Equal(Main, turn.Next);
        var ask = Assert.Single(turn.Say);
        Assert.True(ask.Collect);
        Assert.Equal((1, 8), (ask.MaxDigits, ask.TimeoutSeconds));
        Assert.Contains("投诉及建议请按3", ask.Text);
    }

    [Theory]
    [InlineData("2", IvrActionKinds.Queue, "service", 0)]
    [InlineData("3", IvrActionKinds.Queue, "complaint", DefaultIvrFlow.ComplaintPriority)]
    [InlineData("0", IvrActionKinds.Agent, null, 0)]
    public void A_choice_that_leaves_the_ivr_names_where_to(string digit, string kind, string? queue, int priority)
    {
        var turn = IvrSession.Input(Flow, Main, digit);
        Assert.Null(turn.Next);
        Assert.Equal((kind, queue, priority), (turn.Leave!.Kind, turn.Leave.Target, turn.Leave.Priority));
        Assert.StartsWith(digit + " ", turn.PathPart);
    }

    [Fact]
    public void A_terminating_hash_after_a_choice_is_ignored()
    {
        Assert.Equal("complaint", IvrSession.Input(Flow, Main, "3#").Leave!.Target);
    }

    [Fact]
    public void One_goes_to_the_consultation_menu_and_nine_there_comes_back()
    {
        var consult = IvrSession.Input(Flow, Main, "1");
        Assert.Equal(new IvrPosition("consult", 0, false), consult.Next);
        Assert.Equal("1 咨询", consult.PathPart);
        Assert.Contains("留言请按3", consult.Say.Single().Text);
        Assert.Equal(Main, IvrSession.Input(Flow, consult.Next!, "9").Next);
    }

    [Fact]
    public void A_timeout_asks_again_until_the_retries_are_used_then_takes_the_fallback()
    {
        var first = IvrSession.Input(Flow, Main, "");
        Assert.Equal(Main with { Attempts = 1 }, first.Next);
        Assert.Equal(Flow.Menus!["main"].Prompt, first.Say.Single().Text);
        var second = IvrSession.Input(Flow, first.Next!, "");
        Assert.Equal(Main with { Attempts = 2 }, second.Next);
        var third = IvrSession.Input(Flow, second.Next!, "");
        Assert.Null(third.Next);
        Assert.Equal(IvrActionKinds.Agent, third.Leave!.Kind);
        Assert.Equal("未按键 → 人工服务", third.PathPart);
    }

    [Fact]
    public void An_invalid_key_is_told_and_asked_again_then_falls_back()
    {
        var first = IvrSession.Input(Flow, Main, "7");
        Assert.StartsWith(IvrSession.InvalidPrefix, first.Say.Single().Text);
        Assert.Equal(1, first.Next!.Attempts);
        var last = IvrSession.Input(Flow, Main with { Attempts = 2 }, "#");
        Assert.Equal(IvrActionKinds.Agent, last.Leave!.Kind);
        Assert.Equal("输入有误 → 人工服务", last.PathPart);
    }

    [Fact]
    public void Self_service_looks_the_typed_number_up_and_speaks_only_its_status()
    {
        var asked = IvrSession.Input(Flow, Main, "4");
        Assert.Equal(Main with { SelfService = true }, asked.Next);
        Assert.Equal(IvrSession.SelfServicePrompt, asked.Say.Single().Text);

        var typed = IvrSession.Input(Flow, asked.Next!, "20261118002#");
        Assert.Equal("WO20261118002", typed.LookupOrder);

        var found = IvrSession.LookedUp(Flow, asked.Next!, "WO20261118002", "InService");
        Assert.Equal("您查询的工单W O 2 0 2 6 1 1 1 8 0 0 2，当前状态是：服务中。", found.Say[0].Text);
        Assert.False(found.Say[0].Collect);
        Assert.Equal(Main, found.Next); // back at the main menu, its prompt asked again
        Assert.True(found.Say[1].Collect);
        Assert.Equal("工单查询：服务中", found.PathPart);
    }

    [Fact]
    public void A_wrong_order_number_is_asked_again_then_goes_to_an_agent()
    {
        var at = Main with { SelfService = true };
        var notFound = IvrSession.LookedUp(Flow, at, "WO99999999999", null);
        Assert.Equal(at with { Attempts = 1 }, notFound.Next);
        Assert.StartsWith(IvrSession.NotFoundPrefix, notFound.Say.Single().Text);
        var garbage = IvrSession.Input(Flow, notFound.Next!, "12*");
        Assert.Equal(2, garbage.Next!.Attempts);
        var last = IvrSession.Input(Flow, garbage.Next!, "");
        Assert.Null(last.Next);
        Assert.Equal(IvrActionKinds.Agent, last.Leave!.Kind);
    }

    [Fact]
    public void Status_words_are_chinese_and_an_unknown_status_still_says_something()
    {
        Assert.Equal("服务中", OrderStatusWords.Of("InService"));
        Assert.Equal("正在处理", OrderStatusWords.Of("SomethingNew"));
    }
}
