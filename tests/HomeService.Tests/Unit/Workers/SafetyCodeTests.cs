using HomeService.Workers;

namespace HomeService.Tests.Unit.Workers;

/// <summary>The 安心码 colours, what blocks an assignment, and when expiry warnings fall due.</summary>
public sealed class SafetyCodeTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static WorkerCredentials Full(int healthDaysLeft = 200, bool trained = true, DateOnly? verified = null, bool? background = true) =>
        new("1101**********002X", verified ?? Today.AddDays(-100), Today.AddDays(healthDaysLeft),
            trained ? [new Training("家政服务员（初级）", "郑州市人社局", Today.AddDays(-300))] : [], background, Today.AddDays(-100));

    [Fact]
    public void Verified_valid_and_trained_is_green()
    {
        var status = SafetyCode.Evaluate(Full(), false, Today);
        Assert.Equal(SafetyColor.Green, status.Color);
        Assert.Empty(status.Reasons);
    }

    [Theory]
    [InlineData(30, "health-certificate-expiring")]
    [InlineData(0, "health-certificate-expiring")]
    [InlineData(-1, "health-certificate-expired")]
    public void A_certificate_expiring_within_30_days_or_just_expired_is_yellow(int daysLeft, string reason)
    {
        var status = SafetyCode.Evaluate(Full(daysLeft), false, Today);
        Assert.Equal((SafetyColor.Yellow, reason), (status.Color, status.Reasons.Single()));
    }

    [Fact]
    public void Unverified_black_listed_or_failed_background_is_red_and_red_or_expired_cannot_be_sent()
    {
        var unverified = Full() with { IdVerifiedOn = null };
        Assert.Equal(["id-not-verified"], SafetyCode.Evaluate(unverified, false, Today).Reasons);
        Assert.Equal(["black-listed"], SafetyCode.Evaluate(Full(), true, Today).Reasons);
        Assert.Equal(["background-check-failed"], SafetyCode.Evaluate(Full(background: false), false, Today).Reasons);

        Assert.Equal("worker-red", SafetyCode.BlocksAssignment(SafetyCode.Evaluate(unverified, false, Today)));
        Assert.Equal("worker-expired", SafetyCode.BlocksAssignment(SafetyCode.Evaluate(Full(-1), false, Today)));
        Assert.Null(SafetyCode.BlocksAssignment(SafetyCode.Evaluate(Full(5), false, Today))); // yellow but still valid
        Assert.Null(SafetyCode.BlocksAssignment(SafetyCode.Evaluate(Full(trained: false), false, Today)));
    }

    [Fact]
    public void Warnings_fall_due_30_7_and_1_days_before_the_expiry()
    {
        var expires = Today.AddDays(40);
        Assert.Equal(Today.AddDays(10), SafetyCode.NextWarning(expires, Today));
        Assert.Equal(expires.AddDays(-7), SafetyCode.NextWarning(expires, Today.AddDays(11)));
        Assert.Equal(expires.AddDays(-1), SafetyCode.NextWarning(expires, expires.AddDays(-6)));
        Assert.Null(SafetyCode.NextWarning(expires, expires));
    }

    [Fact]
    public void Credentials_are_checked_field_by_field()
    {
        var bad = new CredentialsUpdate("110105194912310021", Today.AddDays(1), null, [new Training("", "人社局", Today)], true, null);
        Assert.Equal(new Dictionary<string, string[]>
        {
            ["idNumber"] = ["check-character"], ["idVerifiedOn"] = ["in-the-future"], ["backgroundCheckedOn"] = ["required"], ["trainings"] = ["format"],
        }, CredentialsRules.Validate(bad, idNumberOnFile: false, Today));
        Assert.Equal(["required"], CredentialsRules.Validate(new CredentialsUpdate(null, Today, null, [], null, null), false, Today)["idNumber"]);
        Assert.Empty(CredentialsRules.Validate(new CredentialsUpdate(null, Today, null, [], null, null), idNumberOnFile: true, Today));
    }

    [Fact]
    public void The_id_number_is_kept_only_masked_and_hashed_with_the_servers_key()
    {
        var (masked, hash) = new IdNumberProtection("key-1").Protect("11010519491231002x");
        Assert.Equal("1101**********002X", masked);
        Assert.DoesNotContain("19491231", hash);
        Assert.Equal(hash, new IdNumberProtection("key-1").Protect("11010519491231002X").Hash);
        Assert.NotEqual(hash, new IdNumberProtection("key-2").Protect("11010519491231002X").Hash);
    }
}
