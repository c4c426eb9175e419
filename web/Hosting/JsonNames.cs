using System.Text.Json;
using System.Text.Json.Serialization;
using HomeService.CallCenter;

namespace HomeService.Web.Hosting;

/// <summary>How our values are spelled in JSON, for the API and for SignalR alike.</summary>
public static class JsonNames
{
    public static void AddTo(IList<JsonConverter> converters)
    {
        // A queue's strategy reads as it is written: the mod_callcenter name ("longest-idle-agent") that PUT /api/queues/{id}
        // and the back office take (they accept the enum's name too), never "LongestIdleAgent" on one side only.
        converters.Add(new JsonStringEnumConverter<RoutingStrategy>(JsonNamingPolicy.KebabCaseLower));
        // Other enums travel as their names ("Available", not 1): readable for partners and stable if members are reordered.
        converters.Add(new JsonStringEnumConverter());
    }
}
