using System.Text.Json;

namespace HomeService.EventLog;

/// <summary>
/// Maps an aggregate's event records to stable names in the log and back. Names are written out
/// explicitly so renaming a class never orphans stored events.
/// </summary>
public sealed class EventCodec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, Type> _byName;
    private readonly Dictionary<Type, string> _byType;

    public EventCodec(string aggregateType, params (string Name, Type Type)[] events)
    {
        AggregateType = aggregateType;
        _byName = events.ToDictionary(e => e.Name, e => e.Type);
        _byType = events.ToDictionary(e => e.Type, e => e.Name);
    }

    public string AggregateType { get; }

    public bool Knows(Type eventType) => _byType.ContainsKey(eventType);

    public EventRecord Encode(string aggregateId, int version, object e, string? actor, DateTimeOffset at) =>
        new(AggregateType, aggregateId, version, _byType[e.GetType()], JsonSerializer.Serialize(e, e.GetType(), Json), actor, at);

    public object Decode(StoredEvent stored) =>
        _byName.TryGetValue(stored.EventType, out var type)
            ? JsonSerializer.Deserialize(stored.PayloadJson, type, Json)!
            : throw new InvalidOperationException($"{AggregateType} has no event named {stored.EventType}.");
}
