using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

/// <summary>Whom a dispatcher may give an order to by hand, and why each other merchant is not eligible.</summary>
public sealed class ManualDispatchRuleTests
{
    private static MerchantCandidate Merchant(string id, string status, string[] categories, string[] districts, int open = 0, int capacity = 5) =>
        new(id, status, categories, districts, 80, open, capacity, 0.8);

    private static readonly MerchantCandidate[] Merchants =
    [
        Merchant("M001", "Active", ["home-clean"], ["金水区"]),
        Merchant("M002", "Active", ["deep-clean"], ["二七区"]),
        Merchant("M003", "Suspended", ["deep-clean"], ["金水区"]),
        Merchant("M004", "Warned", ["deep-clean"], ["金水区"], open: 5, capacity: 5),
    ];

    private static IReadOnlyList<ManualDispatchChoice> Choices(string category, string district, params string[] refused) =>
        ManualDispatchRule.Choices(DispatchRanking.Rank(category, district, Merchants, new HashSet<string>()), Merchants, category, refused.ToHashSet());

    [Fact]
    public void When_nobody_is_eligible_every_active_merchant_is_a_choice_with_the_rule_it_breaks_same_service_first()
    {
        var choices = Choices("deep-clean", "金水区");
        Assert.DoesNotContain(choices, c => c.Eligible);
        Assert.Equal(["M002", "M004", "M001", "M003"], choices.Select(c => c.MerchantId));
        Assert.Equal(["district:金水区", "at-capacity:5/5", "category:deep-clean", "status:Suspended"], choices.Select(c => c.Why));
        Assert.Equal([true, true, true, false], choices.Select(c => c.Allowed));
        Assert.Equal([true, true, false, true], choices.Select(c => c.SameCategory));
    }

    [Fact]
    public void Eligible_merchants_come_first_and_one_that_refused_says_so()
    {
        var choices = Choices("home-clean", "金水区", "M001");
        var first = choices[0];
        Assert.Equal(("M001", true, "refused-this-order"), (first.MerchantId, first.Eligible, first.Why));
        Assert.All(choices.Skip(1), c => Assert.False(c.Eligible));
    }

    [Fact]
    public void A_dispatcher_may_not_choose_a_suspended_or_unknown_merchant_or_none()
    {
        var choices = Choices("deep-clean", "金水区");
        Assert.Null(ManualDispatchRule.Refusal(choices, "M002"));
        Assert.Equal("not-active", ManualDispatchRule.Refusal(choices, "M003"));
        Assert.Equal("unknown", ManualDispatchRule.Refusal(choices, "M999"));
        Assert.Equal("required", ManualDispatchRule.Refusal(choices, ""));
    }
}
