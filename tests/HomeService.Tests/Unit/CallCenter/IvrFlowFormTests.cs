using System.Text.Json;
using HomeService.CallCenter;
using HomeService.CallCenter.Ivr;
using HomeService.Web.Pages.Admin.CallCenter;

namespace HomeService.Tests.Unit.CallCenter;

/// <summary>The IVR editor's form: the flow round-trips through it, menus are drawn where callers meet them, errors land at their node.</summary>
public sealed class IvrFlowFormTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void The_default_flow_comes_back_from_the_form_as_it_was()
    {
        var flow = DefaultIvrFlow.Definition;
        var back = IvrFlowForm.From(flow).ToDefinition();
        Assert.Equal(flow.Root, back.Root);
        Assert.Equal(flow.Menus!.Keys.Order(), back.Menus!.Keys.Order());
        foreach (var (id, menu) in flow.Menus)
            Assert.Equal(JsonSerializer.Serialize(menu, Json), JsonSerializer.Serialize(back.Menus[id], Json));
    }

    [Fact]
    public void A_submenu_is_drawn_under_the_first_key_that_leads_to_it_and_a_menu_no_key_reaches_after_the_tree()
    {
        var form = IvrFlowForm.From(DefaultIvrFlow.Definition);
        form.Menus.Add(IvrFlowForm.MenuForm.Blank("orphan", "孤立"));
        var tree = form.Tree();
        Assert.Equal(0, tree.Root);
        Assert.Equal(1, tree.Under(0, 0)); // main's key 1 opens consultation
        Assert.Null(tree.Under(1, 5)); // consultation's 9 goes back to main: drawn once, at the top
        Assert.Equal([2], tree.Unreachable);
        Assert.Equal([0, 1, 2], tree.Order());
    }

    [Fact]
    public void A_validator_path_names_the_form_row_even_after_a_blank_row()
    {
        var form = IvrFlowForm.From(DefaultIvrFlow.Definition);
        form.Menus[0].Options.Insert(1, new IvrFlowForm.OptionForm());
        Assert.Equal(5, form.ToDefinition().Menus!["main"].Options!.Count);
        Assert.Equal("Menus[0].Options[2].Action.Target", form.FormKey("menus.main.options.1.action.target"));
        Assert.Equal("Menus[0].Options[0]", form.FormKey("menus.main.options.0"));
        Assert.Equal("Menus[1].Fallback", form.FormKey("menus.consult.fallback"));
        Assert.Equal("Menus[1].TimeoutSeconds", form.FormKey("menus.consult.timeoutSeconds"));
        Assert.Equal("Menus[1]", form.FormKey("menus.consult"));
        Assert.Equal("flow", form.FormKey("root"));
    }

    [Fact]
    public void Blank_and_repeated_menu_ids_are_named_before_anything_is_published()
    {
        var form = IvrFlowForm.From(DefaultIvrFlow.Definition);
        form.Menus.Add(IvrFlowForm.MenuForm.Blank("consult", "重复"));
        form.Menus.Add(IvrFlowForm.MenuForm.Blank(" ", "空"));
        Assert.Equal(new Dictionary<string, string> { ["Menus[2].Id"] = "duplicate", ["Menus[3].Id"] = "required" }, form.IdProblems());
    }

    [Fact]
    public void An_action_keeps_only_what_its_kind_uses()
    {
        var action = new IvrFlowForm.ActionForm { Kind = "agent", Target = "service", Priority = 5, Text = "旧的播报" }.ToAction();
        Assert.Equal(new IvrAction(IvrActionKinds.Agent), action);
    }
}
