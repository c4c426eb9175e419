using HomeService.Places;
using HomeService.Web.Localization;

namespace HomeService.Web.Data;

/// <summary>
/// The city's districts and streets as this web host holds them in memory: forms, filters and validation read
/// <see cref="Current"/> without a database or grain call. A background loop asks the places grain every second
/// whether a newer version exists (an answer of null costs next to nothing), so an admin's change shows on every web
/// host within about two seconds.
/// </summary>
public sealed class LivePlaces(IClusterClient cluster, ILogger<LivePlaces> logger) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private static readonly CityPlaces None = new(-1, []);
    private volatile CityPlaces _current = None;
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The places as last seen; empty until the first answer from the cluster.</summary>
    public CityPlaces Current => _current;

    /// <summary>The places, waiting (a few seconds at most) for the first answer if the host has only just started.</summary>
    public async Task<CityPlaces> Get()
    {
        if (_current.Version < 0) await Task.WhenAny(_loaded.Task, Task.Delay(TimeSpan.FromSeconds(5)));
        return _current;
    }

    /// <summary>
    /// The places at least as new as <paramref name="version"/>: a page told of a change by push may ask before this
    /// host's next check, so a copy older than the push is caught up from the grain at once.
    /// </summary>
    public async Task<CityPlaces> AtLeast(long version)
    {
        var held = await Get();
        if (held.Version < version) await Refresh();
        return _current;
    }

    /// <summary>Asks the grain for a newer copy than this host holds; the background loop and a page behind a push share it.</summary>
    private async Task Refresh()
    {
        if (await cluster.GetGrain<ICityPlacesGrain>(0).Changed(_current.Version) is not { } newer) return;
        if (newer.Version > _current.Version) _current = newer; // a concurrent refresh may have stored a newer copy meanwhile
        _loaded.TrySetResult();
    }

    /// <summary>The districts new orders and addresses may name, in menu order.</summary>
    public async Task<IReadOnlyList<District>> Open() => (await Get()).Districts.Where(d => d.Active).ToList();

    /// <summary>True if a new order may name this district (its current name, not a retired one).</summary>
    public async Task<bool> IsOpen(string? name) => name is not null && (await Open()).Any(d => d.NameZh == name);

    public static string Name(District d) => UiText.IsEnglish ? d.NameEn : d.NameZh;

    /// <summary>
    /// A district named in Chinese (as orders, addresses and service areas store it) in the page's language: an English
    /// page reads "Jinshui", also for a former name; a name the city does not know is shown as written.
    /// </summary>
    public string DistrictName(string nameZh) =>
        !UiText.IsEnglish ? nameZh
        : _current.Districts.FirstOrDefault(d => d.NameZh == nameZh || d.FormerNames.Contains(nameZh)) is { } d ? d.NameEn : nameZh;

    /// <summary>For an English page's scripts: every Chinese district name, current or former, with its English name.</summary>
    public IReadOnlyDictionary<string, string> EnglishNames()
    {
        var names = new Dictionary<string, string>();
        foreach (var d in _current.Districts)
            foreach (var zh in d.FormerNames.Prepend(d.NameZh)) names.TryAdd(zh, d.NameEn);
        return names;
    }

    public static string Name(Street s) => UiText.IsEnglish && s.NameEn.Length > 0 ? s.NameEn : s.NameZh;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        // Hosted services start together: the cluster client may not be connected yet, so the first call waits its turn.
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Refresh();
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogDebug(e, "Could not read the city's places; trying again");
            }
            await Task.Delay(CheckEvery, ct);
        }
    }
}
