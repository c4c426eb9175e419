using HomeService.Broadcasts;
using HomeService.EventLog;
using HomeService.Silo.Database;

namespace HomeService.Tests.Unit;

public sealed class EventCodecTests
{
    [Fact]
    public void Events_round_trip_under_their_stable_names()
    {
        var codec = new EventCodec("broadcast_board", ("BroadcastPosted", typeof(BroadcastPosted)), ("BroadcastEnded", typeof(BroadcastEnded)));
        var posted = new BroadcastPosted(Guid.NewGuid(), "通知", "班长", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1));
        var record = codec.Encode("0", 7, posted, "supervisor", DateTimeOffset.UnixEpoch);

        Assert.Equal(("broadcast_board", "0", 7, "BroadcastPosted"), (record.AggregateType, record.AggregateId, record.Version, record.EventType));
        Assert.DoesNotContain("HomeService", record.PayloadJson); // no .NET type names in stored events
        var decoded = codec.Decode(new StoredEvent(1, 7, record.EventType, record.PayloadJson, "supervisor", DateTimeOffset.UnixEpoch));
        Assert.Equal(posted, decoded);
    }

    [Fact]
    public void An_unknown_event_name_is_an_error_not_a_silent_skip()
    {
        var codec = new EventCodec("x", ("A", typeof(BroadcastEnded)));
        Assert.Throws<InvalidOperationException>(() => codec.Decode(new StoredEvent(1, 1, "Renamed", "{}", null, DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public void Schema_scripts_are_numbered_uniquely_and_applied_in_order()
    {
        var versions = SchemaMigrator.Embedded.Select(m => m.Version).ToList();
        Assert.Equal(versions.Order().ToList(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Contains(SchemaMigrator.Embedded, m => m.Name == "001_orleans_query.sql");
    }
}
