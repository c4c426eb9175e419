using HomeService.Web.Voice;
using Microsoft.Extensions.Configuration;

namespace HomeService.Tests.Unit;

/// <summary>
/// Seat credentials in the form Kamailio's auth_ephemeral checks. The expected password was computed apart from
/// our code (Python's hmac, as deploy/voice/seat_credential.py does); the voice tests prove the edge agrees.
/// </summary>
public sealed class SeatCredentialsTests
{
    [Fact]
    public void A_credential_is_the_expiry_and_extension_signed_with_hmac_sha256()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 - 3600);
        var credential = SeatCredentials.Issue("test-secret-0123456789", "8001", now, TimeSpan.FromHours(1));
        Assert.Equal("1800000000:8001", credential.Username);
        Assert.Equal("THmPgDOn+MMW/9XopSwl1e1nSEkkEr7eojiDqC/qj54=", credential.Password);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), credential.ExpiresAt);
    }

    [Theory]
    [InlineData("80:01")]
    [InlineData("8001@elsewhere")]
    public void An_extension_that_would_change_the_credentials_meaning_is_refused(string extension) =>
        Assert.Throws<ArgumentException>(() => SeatCredentials.Issue("test-secret-0123456789", extension, DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));

    [Fact]
    public void No_secret_means_no_phone_and_a_weak_or_incomplete_setting_stops_the_host()
    {
        Assert.Null(SeatPhoneSettings.From(Config([])));
        Assert.Throws<InvalidOperationException>(() => SeatPhoneSettings.From(Config(new() { ["HomeService:Voice:SharedSecret"] = "short" })));
        Assert.Throws<InvalidOperationException>(() => SeatPhoneSettings.From(Config(new() { ["HomeService:Voice:SharedSecret"] = "0123456789abcdef0123" })));
        var phone = SeatPhoneSettings.From(Config(new()
        {
            ["HomeService:Voice:SharedSecret"] = "0123456789abcdef0123",
            ["HomeService:Voice:WebSocketUrl"] = "wss://sip.example.cn:8443/ws",
        }))!;
        Assert.Equal("sip.example.cn", phone.Domain);
        Assert.Equal("wss://sip.example.cn:8443", phone.WebSocketOrigin);
        Assert.Equal(SeatPhoneSettings.DefaultLifetime, phone.CredentialLifetime);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
