using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

public sealed class DispatchRankingTests
{
    private static MerchantCandidate M(string id, int credit = 80, int open = 2, int capacity = 10, double acceptance = 0.9, string status = "Active",
        string[]? categories = null, string[]? districts = null) =>
        new(id, status, categories ?? ["home-clean"], districts ?? ["金水区"], credit, open, capacity, acceptance);

    [Fact]
    public void Credit_weighs_most_then_free_capacity_then_acceptance()
    {
        var decision = DispatchRanking.Rank("home-clean", "金水区",
            [M("M1", credit: 70), M("M2", credit: 95), M("M3", credit: 95, open: 6)], new HashSet<string>());
        Assert.Equal(["M2", "M3", "M1"], decision.Ranked.Select(r => r.MerchantId));
        Assert.Equal(0.6 * 95 + 0.25 * 80 + 0.15 * 90, decision.Best!.Score, 2);
    }

    [Fact]
    public void Ineligible_merchants_are_skipped_with_the_reason()
    {
        var decision = DispatchRanking.Rank("home-clean", "金水区",
        [
            M("Suspended", status: "Suspended"), M("Applied", status: "Applied"), M("Plumber", categories: ["plumbing-electric"]),
            M("FarAway", districts: ["惠济区"]), M("Refused"), M("Full", open: 10, capacity: 10), M("Warned", status: "Warned"),
        ], new HashSet<string> { "Refused" });

        Assert.Equal(["Warned"], decision.Ranked.Select(r => r.MerchantId));
        Assert.Equal(new Dictionary<string, string>
        {
            ["Suspended"] = "status:Suspended", ["Applied"] = "status:Applied", ["Plumber"] = "category:home-clean",
            ["FarAway"] = "district:金水区", ["Refused"] = "refused-this-order", ["Full"] = "at-capacity:10/10",
        }, decision.Skipped.ToDictionary(s => s.MerchantId, s => s.Reason));
    }

    [Fact]
    public void Equal_scores_are_broken_by_merchant_id_and_nobody_eligible_gives_no_best()
    {
        Assert.Equal(["M1", "M2"], DispatchRanking.Rank("home-clean", "金水区", [M("M2"), M("M1")], new HashSet<string>()).Ranked.Select(r => r.MerchantId));
        Assert.Null(DispatchRanking.Rank("home-clean", "金水区", [M("M1")], new HashSet<string> { "M1" }).Best);
    }
}
