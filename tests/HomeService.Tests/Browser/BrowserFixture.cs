using Microsoft.Playwright;

namespace HomeService.Tests.Browser;

/// <summary>
/// One headless Chromium per test class: the machine's Debian build at /usr/bin/chromium, driven by the
/// Playwright driver that the Microsoft.Playwright package copies into the test output (.playwright/node and
/// .playwright/package). Nothing is downloaded: `playwright install` is never needed. Each test gets fresh
/// browser contexts (own cookies, own locale) through <see cref="BrowserTest"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The Chromium to drive; HS_CHROMIUM overrides it for a machine that keeps it elsewhere.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("HS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>
    /// A safety net for every action, navigation and expectation, not a speed goal. 30 s: on a two-core machine running
    /// several clusters at once, a form post that places an order was once seen to take longer than 15 s to answer.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>What the fake microphone plays: the agent's voice in the voice tests, told apart from the caller's tone.</summary>
    public const int MicrophoneHertz = 1000;

    private readonly string _microphone = Path.Combine(Path.GetTempPath(), $"hs-browser-mic-{Guid.NewGuid():N}.wav");

    private string[] Args =>
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // A fake microphone for the browser phone's tests, playing a steady tone; a page gets it only where the test
        // grants the permission. The voice edge is on loopback, so WebRTC must gather loopback candidates.
        "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={_microphone}", "--allow-loopback-in-peer-connection",
        // The phone's remote audio plays, and the tests read it through WebAudio, without a user gesture first.
        "--autoplay-policy=no-user-gesture-required",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"No Chromium at {ExecutablePath}: install Debian's chromium package (apt-get install chromium).");
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        await File.WriteAllBytesAsync(_microphone, Infrastructure.Wav.Sine(MicrophoneHertz, seconds: 10, sampleRate: 48_000));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            Timeout = 60_000,
        });
    }

    /// <summary>A new, empty browser profile against one web host, speaking the given language.</summary>
    /// <param name="javaScript">False opens the pages as a browser with scripts turned off (server-rendered pages must still work).</param>
    public async Task<IBrowserContext> NewContext(Uri baseAddress, string locale, ViewportSize? viewport = null, bool mobile = false, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = mobile,
            HasTouch = mobile,
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        File.Delete(_microphone);
    }
}
