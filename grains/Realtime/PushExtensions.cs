using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomeService.Realtime;

public static class PushExtensions
{
    // A queue's strategy as the API spells it ("longest-idle-agent"); other enums by their names.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter<CallCenter.RoutingStrategy>(JsonNamingPolicy.KebabCaseLower), new JsonStringEnumConverter() },
    };

    /// <summary>Fire-and-forget push from inside a grain; the payload is serialized the way browsers read it.</summary>
    public static Task Push<T>(this IGrainFactory grains, string group, string eventName, T payload, long version) =>
        grains.GetGrain<IPushNotifierGrain>(0).Publish(new PushMessage(group, eventName, JsonSerializer.Serialize(payload, Json), version));
}
