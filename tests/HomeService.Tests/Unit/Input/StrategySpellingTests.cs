using System.Text.Json;
using System.Text.Json.Serialization;
using HomeService.CallCenter;
using HomeService.Web.Hosting;

namespace HomeService.Tests.Unit.Input;

public sealed class StrategySpellingTests
{
    /// <summary>What GET /api/queues shows is what PUT /api/queues/{id} takes: one spelling, the mod_callcenter name.</summary>
    [Fact]
    public void A_queue_strategy_is_written_as_the_name_the_queue_settings_take()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonNames.AddTo(options.Converters);
        foreach (var strategy in Enum.GetValues<RoutingStrategy>())
        {
            var written = JsonSerializer.Serialize(strategy, options).Trim('"');
            Assert.Equal(RoutingStrategies.Name(strategy), written);
            Assert.True(RoutingStrategies.TryParse(written, out var read) && read == strategy);
            Assert.True(RoutingStrategies.TryParse(strategy.ToString(), out var byEnumName) && byEnumName == strategy);
        }
        Assert.Equal("\"Available\"", JsonSerializer.Serialize(HomeService.CallCenter.AgentStatus.Available, options));
    }
}
