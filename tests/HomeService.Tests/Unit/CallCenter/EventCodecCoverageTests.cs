using HomeService.CallCenter.Agents;
using HomeService.CallCenter.Calls;
using HomeService.CallCenter.Queues;
using HomeService.EventLog;

namespace HomeService.Tests.Unit.CallCenter;

/// <summary>An event a grain records but its codec cannot name would fail at run time; catch it here.</summary>
public sealed class EventCodecCoverageTests
{
    public static TheoryData<string> Namespaces => new()
    {
        "HomeService.CallCenter.Calls", "HomeService.CallCenter.Agents", "HomeService.CallCenter.Queues", "HomeService.WorkOrders", "HomeService.Workers",
        "HomeService.Merchants", "HomeService.Members", "HomeService.Identity", "HomeService.Articles", "HomeService.CallCenter.Campaigns",
        "HomeService.CallCenter.Kpis", "HomeService.CallCenter.Hotlines", "HomeService.Sms.GroupNotices",
    };

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void Every_event_record_of_an_aggregate_has_a_name_in_its_codec(string ns)
    {
        EventCodec[] codecs = ns switch
        {
            "HomeService.Members" => [HomeService.Members.MemberGrain.Codec, HomeService.Members.PhoneVerificationGrain.Codec],
            "HomeService.Identity" => [HomeService.Identity.UserAccountGrain.Codec, HomeService.Identity.ApiKeyGrain.Codec],
            _ => [CodecOf(ns)],
        };
        var events = typeof(CallGrain).Assembly.GetTypes()
            .Where(t => t.Namespace == ns && t.IsSealed && t.GetProperty("At")?.PropertyType == typeof(DateTimeOffset))
            .ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(codecs.Any(c => c.Knows(e)), $"{e.Name} is missing from the {string.Join(" or ", codecs.Select(c => c.AggregateType))} codec"));
    }

    private static EventCodec CodecOf(string ns) =>
        ns switch
        {
            "HomeService.CallCenter.Calls" => CallGrain.Codec,
            "HomeService.CallCenter.Agents" => AgentGrain.Codec,
            "HomeService.WorkOrders" => HomeService.WorkOrders.WorkOrderGrain.Codec,
            "HomeService.Workers" => HomeService.Workers.WorkerGrain.Codec,
            "HomeService.Merchants" => HomeService.Merchants.MerchantGrain.Codec,
            "HomeService.Articles" => HomeService.Articles.ArticleGrain.Codec,
            "HomeService.CallCenter.Campaigns" => HomeService.CallCenter.Campaigns.CampaignGrain.Codec,
            "HomeService.CallCenter.Kpis" => HomeService.CallCenter.Kpis.CallCenterKpiGrain.ServiceLevelCodec,
            "HomeService.CallCenter.Hotlines" => HomeService.CallCenter.Hotlines.HotlineGrain.Codec,
            "HomeService.Sms.GroupNotices" => HomeService.Sms.GroupNotices.GroupNoticeGrain.Codec,
            _ => QueueGrain.Codec,
        };
}
