namespace HomeService.Web.Voice;

/// <summary>
/// The agent's browser phone with the sip gateway: where it registers (Kamailio's WebSocket), the SIP domain of the
/// seats, and the secret its credentials are signed with, shared with Kamailio's auth_ephemeral. Null when
/// HomeService:Voice:SharedSecret is unset: the center runs on the simulated switch and the console has no phone.
/// </summary>
public sealed record SeatPhoneSettings(Uri WebSocketUrl, string Domain, string SharedSecret, TimeSpan CredentialLifetime)
{
    /// <summary>A shift is longer than this: the console fetches a new credential before the old one expires.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    public static SeatPhoneSettings? From(IConfiguration config)
    {
        var secret = config["HomeService:Voice:SharedSecret"];
        if (string.IsNullOrEmpty(secret)) return null;
        // A short secret could be guessed from issued credentials; say so at start-up rather than run weakly.
        if (secret.Length < 16) throw new InvalidOperationException("HomeService:Voice:SharedSecret must be at least 16 characters.");
        var url = config["HomeService:Voice:WebSocketUrl"];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var ws) || ws.Scheme is not ("ws" or "wss"))
            throw new InvalidOperationException("HomeService:Voice:WebSocketUrl must be the SIP edge's ws:// or wss:// address when HomeService:Voice:SharedSecret is set.");
        var lifetime = config.GetValue("HomeService:Voice:CredentialLifetime", DefaultLifetime);
        if (lifetime < TimeSpan.FromMinutes(2) || lifetime > TimeSpan.FromHours(24))
            throw new InvalidOperationException("HomeService:Voice:CredentialLifetime must be between 2 minutes and 24 hours.");
        return new(ws, config["HomeService:Voice:Domain"] is { Length: > 0 } domain ? domain : ws.Host, secret, lifetime);
    }

    /// <summary>For the Content-Security-Policy's connect-src: the page may open this WebSocket and no other foreign one.</summary>
    public string WebSocketOrigin => WebSocketUrl.GetLeftPart(UriPartial.Authority);
}
