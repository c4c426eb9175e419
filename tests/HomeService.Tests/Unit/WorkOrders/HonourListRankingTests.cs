using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

/// <summary>
/// 红名单 is the honour list: an admin puts a merchant on it, and the next order of its trade and district is offered to
/// it before an equal or slightly better merchant; it does not lift a merchant that may not take orders.
/// </summary>
public sealed class HonourListRankingTests
{
    private static MerchantCandidate M(string id, int credit = 80, bool honoured = false, string status = "Active", int open = 2) =>
        new(id, status, ["home-clean"], ["金水区"], credit, open, 10, 0.9, honoured);

    [Fact]
    public void An_honoured_merchant_is_offered_the_order_before_an_equal_one_and_one_a_little_better()
    {
        var decision = DispatchRanking.Rank("home-clean", "金水区", [M("M1"), M("M2", credit: 85), M("M3", honoured: true)], new HashSet<string>());

        Assert.Equal(["M3", "M2", "M1"], decision.Ranked.Select(r => r.MerchantId));
        Assert.True(decision.Best!.Honoured);
        Assert.Equal(0.6 * 80 + 0.25 * 80 + 0.15 * 90 + DispatchRanking.HonourBonus, decision.Best.Score, 2);
        Assert.Equal(decision.Ranked[2].Score + DispatchRanking.HonourBonus, decision.Best.Score, 2);
    }

    [Fact]
    public void The_honour_does_not_outweigh_a_much_better_record_nor_pass_the_top_of_the_scale()
    {
        var decision = DispatchRanking.Rank("home-clean", "金水区", [M("Honoured", credit: 60, honoured: true), M("Excellent", credit: 100, open: 0)],
            new HashSet<string>());
        Assert.Equal(["Excellent", "Honoured"], decision.Ranked.Select(r => r.MerchantId));

        var top = DispatchRanking.Rank("home-clean", "金水区", [M("Top", credit: 100, open: 0, honoured: true)], new HashSet<string>());
        Assert.Equal(100, top.Best!.Score);
    }

    [Fact]
    public void The_dispatcher_choosing_by_hand_sees_which_merchants_are_on_the_honour_list()
    {
        var merchants = new[] { M("M1"), M("M3", honoured: true), M("M5", honoured: true) with { Districts = ["二七区"] } };
        var decision = DispatchRanking.Rank("home-clean", "金水区", merchants, new HashSet<string>());
        var choices = ManualDispatchRule.Choices(decision, merchants, "home-clean", new HashSet<string>());
        Assert.Equal([("M3", true), ("M1", false), ("M5", true)], choices.Select(c => (c.MerchantId, c.Honoured)));
    }

    [Fact]
    public void An_honoured_merchant_that_is_suspended_still_gets_no_offer()
    {
        var decision = DispatchRanking.Rank("home-clean", "金水区", [M("M1"), M("M9", honoured: true, status: "Suspended")], new HashSet<string>());
        Assert.Equal(["M1"], decision.Ranked.Select(r => r.MerchantId));
        Assert.Equal("status:Suspended", Assert.Single(decision.Skipped).Reason);
    }
}
