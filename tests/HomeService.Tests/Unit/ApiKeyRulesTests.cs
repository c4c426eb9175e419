using HomeService.Identity;
using HomeService.Web.Data.Admin;

namespace HomeService.Tests.Unit;

public sealed class ApiKeyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static ApiKey Key(DateTimeOffset? expires = null, bool revoked = false, string? rotatedTo = null) =>
        new("k1", "PBX", ApiKeyKinds.Telephony, new byte[32], null, revoked, ExpiresAt: expires, RotatedTo: rotatedTo);

    [Fact]
    public void A_key_works_until_it_is_revoked_or_its_expiry_comes()
    {
        Assert.True(ApiKeyRules.Works(Key(), Now));
        Assert.True(ApiKeyRules.Works(Key(Now.AddSeconds(1)), Now));
        Assert.False(ApiKeyRules.Works(Key(Now), Now));
        Assert.False(ApiKeyRules.Works(Key(revoked: true), Now));
    }

    [Fact]
    public void A_rotation_ends_the_old_key_after_the_overlap_but_never_later_than_it_would_have_ended()
    {
        Assert.Equal(Now.AddHours(1), ApiKeyRules.OverlapEnd(Key(), TimeSpan.FromHours(1), Now));
        Assert.Equal(Now.AddMinutes(10), ApiKeyRules.OverlapEnd(Key(Now.AddMinutes(10)), TimeSpan.FromHours(1), Now));
        Assert.Equal(Now, ApiKeyRules.OverlapEnd(Key(), TimeSpan.Zero, Now));
    }

    [Fact]
    public void Only_a_working_key_that_was_not_rotated_yet_can_be_rotated()
    {
        Assert.Null(ApiKeyRules.RotationProblem(Key(), Now));
        Assert.Equal("key-revoked", ApiKeyRules.RotationProblem(Key(revoked: true), Now));
        Assert.Equal("key-rotated", ApiKeyRules.RotationProblem(Key(Now.AddHours(1), rotatedTo: "k2"), Now));
        Assert.Equal("key-expired", ApiKeyRules.RotationProblem(Key(Now.AddHours(-1)), Now));
    }

    [Theory]
    [InlineData("PBX", "telephony", null, null)]
    [InlineData("58 到家", "partner", "daojia58", null)]
    [InlineData("", "telephony", null, "name:required")]
    [InlineData("PBX", "admin", null, "kind:unknown")]
    [InlineData("Partner", "partner", null, "partnerId:required")]
    [InlineData("Partner", "partner", "Has Space", "partnerId:partner-format")]
    [InlineData("Partner", "partner", "-dash-first", "partnerId:partner-format")]
    public void A_request_names_its_first_wrong_field(string name, string kind, string? partner, string? expected)
    {
        var errors = ApiKeyRules.Validate(new ApiKeyRequest(name, kind, partner, null), Now);
        Assert.Equal(expected, errors.Select(e => $"{e.Key}:{e.Value[0]}").SingleOrDefault());
    }

    [Fact]
    public void An_expiry_must_be_in_the_future_and_a_rotation_keeps_an_old_style_partner_id()
    {
        Assert.Equal("in-the-past", ApiKeyRules.Validate(new ApiKeyRequest("PBX", "telephony", null, Now), Now)["expiresAt"][0]);
        Assert.Empty(ApiKeyRules.Validate(new ApiKeyRequest("Old", "partner", "LegacyKey", null, RotatedFrom: "LegacyKey"), Now));
    }

    [Theory]
    [InlineData(null, null, "active")]
    [InlineData(null, 30 * 24, "active")]
    [InlineData(null, 24, "expiring")]
    [InlineData(null, -1, "expired")]
    [InlineData(1, 24, "revoked")]
    public void The_list_says_where_a_key_stands(int? revokedHoursAgo, int? expiresInHours, string state) =>
        Assert.Equal(state, KeyStanding.Of(revokedHoursAgo is { } r ? Now.AddHours(-r) : null,
            expiresInHours is { } e ? Now.AddHours(e) : null, Now));
}
