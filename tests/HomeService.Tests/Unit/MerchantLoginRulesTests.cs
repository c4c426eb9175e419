using HomeService.Identity;

namespace HomeService.Tests.Unit;

/// <summary>How merchants' logins are named and what a set-password link lets through, on a fixed clock.</summary>
public sealed class MerchantLoginRulesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_link_opens_with_its_own_secret_until_it_expires_and_only_once()
    {
        var (secret, hash) = SetupLink.NewSecret();
        Assert.Equal(43, secret.Length);
        Assert.DoesNotContain(secret, hash);
        var link = new SetupLink(hash, Noon.AddDays(3));
        Assert.Equal(SetupLinkOutcome.Good, link.Check(secret, Noon));
        Assert.Equal(SetupLinkOutcome.Invalid, link.Check(SetupLink.NewSecret().Secret, Noon));
        Assert.Equal(SetupLinkOutcome.Expired, link.Check(secret, Noon.AddDays(3)));
        Assert.Equal(SetupLinkOutcome.Used, (link with { UsedAt = Noon.AddHours(1) }).Check(secret, Noon.AddHours(2)));
    }

    [Fact]
    public void A_token_carries_the_login_and_the_secret_and_garbage_is_no_token()
    {
        var (secret, _) = SetupLink.NewSecret();
        Assert.True(SetupLinkToken.TryParse(SetupLinkToken.Of("m1001-admin", secret), out var login, out var parsed));
        Assert.Equal(("m1001-admin", secret), (login, parsed));
        Assert.StartsWith("/account/setup?token=m1001-admin.", SetupLinkToken.Path("m1001-admin", secret));
        foreach (var bad in new[] { "", "m1001", "m1001." + secret[..40], "M1001." + secret, "m1001." + secret + "=", "'; DROP TABLE x; --." + secret })
            Assert.False(SetupLinkToken.TryParse(bad, out _, out _), bad);
    }

    [Fact]
    public void The_administrator_is_the_merchant_id_and_staff_logins_carry_the_company_prefix()
    {
        Assert.Equal(["m1001", "m1001-admin", "m1001-admin2"], MerchantLoginRules.AdminLogins("M1001").Take(3));
        Assert.Empty(MerchantLoginRules.Validate(new MerchantStaffLogin(Roles.Worker, "m1001-w1005", "", "W1005"), "M1001"));
        Assert.Empty(MerchantLoginRules.Validate(new MerchantStaffLogin(Roles.MerchantDispatcher, "m1001-zhao", "赵调度", null), "M1001"));
        Assert.Equal(["prefix:m1001-"], MerchantLoginRules.Validate(new MerchantStaffLogin(Roles.Worker, "m1002-w1005", "", "W1005"), "M1001")["login"]);
        Assert.Equal(["prefix:m1001-"], MerchantLoginRules.Validate(new MerchantStaffLogin(Roles.Worker, "m1001-", "", "W1005"), "M1001")["login"]);
        Assert.Equal(["unknown"], MerchantLoginRules.Validate(new MerchantStaffLogin(Roles.MerchantAdmin, "m1001-boss", "老板", null), "M1001")["role"]);
        Assert.Equal(["required"], MerchantLoginRules.Validate(new MerchantStaffLogin(Roles.Worker, "m1001-w1005", "", null), "M1001")["workerId"]);
        Assert.Equal(["required"], MerchantLoginRules.Validate(new MerchantStaffLogin(Roles.MerchantDispatcher, "m1001-zhao", " ", null), "M1001")["displayName"]);
    }
}
