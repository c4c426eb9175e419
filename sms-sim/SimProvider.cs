using System.Collections.Concurrent;

namespace HomeService.SmsSim;

/// <summary>
/// What both simulated providers share: the accounts, signs and templates they accept, the messages they took, and the
/// faults a test can inject (refuse the next requests with a code, or run a hook after taking a message and before
/// answering, to kill the sender in between).
/// </summary>
public abstract class SimProvider
{
    /// <summary>The providers' field names as they document them (PascalCase, snake_case), not ASP.NET Core's camelCase default.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.General);

    private readonly ConcurrentQueue<SimMessage> _messages = new();
    private readonly ConcurrentDictionary<string, byte> _nonces = new();
    private readonly ConcurrentQueue<string> _faults = new();

    public Dictionary<string, string> Keys { get; } = [];
    public HashSet<string> SignNames { get; } = [];
    public HashSet<string> Templates { get; } = [];

    /// <summary>Whether the carrier delivers a message (what reports and the status query say); all are delivered unless a test says otherwise.</summary>
    public Func<SimMessage, bool> Delivers { get; set; } = _ => true;

    /// <summary>Messages the carrier never reports on: the status query keeps saying it waits for the carrier's receipt.</summary>
    public Func<SimMessage, bool> NeverReported { get; set; } = _ => false;

    /// <summary>Runs after a message is taken and before the answer goes back.</summary>
    public Func<SimMessage, Task>? AfterTaking { get; set; }

    public IReadOnlyList<SimMessage> Messages => _messages.ToArray();
    public int Requests;
    public int Refusals;

    /// <summary>The next <paramref name="times"/> send requests are refused with this provider error code.</summary>
    public void Refuse(string code, int times = 1)
    {
        for (var i = 0; i < times; i++) _faults.Enqueue(code);
    }

    /// <summary>Numbers the provider refuses every time, with its error code (a number on its blacklist, say).</summary>
    public ConcurrentDictionary<string, string> RefusedNumbers { get; } = new();

    protected string? NextFault() => _faults.TryDequeue(out var code) ? code : null;

    protected bool NonceIsNew(string nonce) => _nonces.TryAdd(nonce, 0);

    protected async Task Took(SimMessage message)
    {
        _messages.Enqueue(message);
        if (AfterTaking is { } hook) await hook(message);
    }

    protected static string NewId() => Guid.NewGuid().ToString("N")[..20];
}
