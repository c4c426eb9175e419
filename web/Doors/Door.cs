namespace HomeService.Web.Doors;

/// <summary>
/// An anonymous way in that costs the center something per use (an agent's call, a text message, disk, a password
/// check), limited per client address by a named policy of ASP.NET Core's rate limiter.
/// </summary>
/// <param name="Name">The policy's name, also the text key of its refusal ("doors.refused.{Name}").</param>
/// <param name="Permits">Requests one address may make in a <paramref name="Window"/>.</param>
public sealed record Door(string Name, int Permits, TimeSpan Window)
{
    public const string Callback = "callback";
    public const string DocumentUpload = "document-upload";
    public const string CodeRequest = "code-request";
    public const string SignIn = "sign-in";

    /// <summary>
    /// The doors and their limits from "HomeService:Security:…". The defaults are a production center's: a resident asks
    /// for a callback or a code a few times, a company applying uploads a dozen documents, a person signs in once.
    /// </summary>
    public static IReadOnlyList<Door> From(IConfiguration config) =>
    [
        Read(config, Callback, "CallbackRequests", 5, TimeSpan.FromMinutes(10)),
        Read(config, CodeRequest, "CodeRequests", 5, TimeSpan.FromMinutes(10)),
        Read(config, DocumentUpload, "DocumentUploads", 20, TimeSpan.FromHours(1)),
        Read(config, SignIn, "LoginAttempts", 30, TimeSpan.FromMinutes(1)),
    ];

    private static Door Read(IConfiguration config, string name, string setting, int permits, TimeSpan window)
    {
        var door = new Door(name,
            config.GetValue($"HomeService:Security:{setting}PerAddress", permits),
            config.GetValue($"HomeService:Security:{setting}Window", window));
        if (door.Permits < 1 || door.Window <= TimeSpan.Zero)
            throw new InvalidOperationException($"HomeService:Security:{setting}PerAddress and {setting}Window must be positive.");
        return door;
    }
}
