using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

public sealed class AcceptanceRateTests
{
    [Fact]
    public void A_merchant_with_no_answers_yet_counts_as_accepting_eight_in_ten()
    {
        Assert.Equal(0.8, DispatchRanking.AcceptanceRate(0, 0));
    }

    [Fact]
    public void One_refusal_dents_a_new_merchant_only_a_little_but_a_long_run_of_refusals_sinks_it()
    {
        Assert.Equal(0.727, DispatchRanking.AcceptanceRate(0, 1));
        Assert.Equal(0.08, DispatchRanking.AcceptanceRate(0, 90));
        Assert.Equal(0.982, DispatchRanking.AcceptanceRate(100, 100));
    }

    [Fact]
    public void Nonsense_counts_cannot_push_the_rate_outside_zero_to_one()
    {
        Assert.InRange(DispatchRanking.AcceptanceRate(50, 10), 0, 1);
        Assert.Equal(0.8, DispatchRanking.AcceptanceRate(-3, -5));
    }

    [Fact]
    public void Between_equal_merchants_the_one_that_refuses_less_gets_the_order()
    {
        MerchantCandidate M(string id, double acceptance) => new(id, "Active", ["home-clean"], ["金水区"], 80, 2, 10, acceptance);
        var decision = DispatchRanking.Rank("home-clean", "金水区",
            [M("M1", DispatchRanking.AcceptanceRate(2, 10)), M("M2", DispatchRanking.AcceptanceRate(9, 10))], new HashSet<string>());
        Assert.Equal(["M2", "M1"], decision.Ranked.Select(r => r.MerchantId));
        Assert.Equal(0.85, decision.Best!.AcceptanceRate);
    }
}
