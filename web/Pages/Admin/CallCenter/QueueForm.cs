using HomeService.CallCenter;
using HomeService.CallCenter.Kpis;
using HomeService.CallCenter.Recording;
using HomeService.Web.Api.Admin;
using HomeService.Web.Localization;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>
/// A queue's settings as the form posts them, with the two settings that live beside the queue (recording on or off,
/// the service-level threshold); up to five skill tiers, the first from 0 seconds.
/// </summary>
public sealed class QueueForm
{
    public const int TierRows = 5;

    public string? QueueId { get; set; }
    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public string? Strategy { get; set; }
    public List<int?> TierAfter { get; set; } = [];
    public List<string?> TierSkill { get; set; } = [];
    public List<int> TierMin { get; set; } = [];
    public int RingTimeoutSeconds { get; set; } = 20;
    public int MaxNoAnswers { get; set; } = 3;
    public int WrapUpSeconds { get; set; } = 30;
    public int MaxWaitSeconds { get; set; } = 300;
    public string? OverflowQueueId { get; set; }
    public bool OfferCallback { get; set; } = true;
    public int AnnounceEverySeconds { get; set; } = 30;
    public string? TopDownOrder { get; set; }
    public bool Recording { get; set; } = true;
    public int ServiceLevelSeconds { get; set; } = 20;
    public int ServiceLevelTarget { get; set; } = 80;

    public CallCenterConfigEndpoints.QueueRequest ToRequest()
    {
        var tiers = new List<CallCenterConfigEndpoints.QueueTierRequest>();
        for (var i = 0; i < TierSkill.Count; i++)
            if (!string.IsNullOrWhiteSpace(TierSkill[i]))
                tiers.Add(new(i < TierAfter.Count ? TierAfter[i] ?? 0 : 0, TierSkill[i]!.Trim().ToLowerInvariant(), i < TierMin.Count ? TierMin[i] : 1));
        var order = (TopDownOrder ?? "").Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new(QueueId, NameZh, NameEn, Strategy, tiers, RingTimeoutSeconds, MaxNoAnswers, WrapUpSeconds, MaxWaitSeconds, OverflowQueueId ?? "",
            OfferCallback, AnnounceEverySeconds, order);
    }

    public static QueueForm From(QueueConfig q, bool recording, LiveQueueKpis? kpis) => new()
    {
        QueueId = q.QueueId, NameZh = q.NameZh, NameEn = q.NameEn, Strategy = RoutingStrategies.Name(q.Strategy),
        TierAfter = q.Tiers.Select(t => (int?)t.AfterSeconds).ToList(), TierSkill = q.Tiers.Select(t => (string?)t.Skill).ToList(),
        TierMin = q.Tiers.Select(t => t.MinProficiency).ToList(), RingTimeoutSeconds = q.RingTimeoutSeconds, MaxNoAnswers = q.MaxNoAnswers,
        WrapUpSeconds = q.WrapUpSeconds, MaxWaitSeconds = q.MaxWaitSeconds, OverflowQueueId = q.OverflowQueueId, OfferCallback = q.OfferCallback,
        AnnounceEverySeconds = q.AnnounceEverySeconds, TopDownOrder = string.Join(", ", q.TopDownOrder), Recording = recording,
        ServiceLevelSeconds = kpis?.ServiceLevelSeconds ?? 20, ServiceLevelTarget = kpis?.ServiceLevelTarget ?? 80,
    };

    /// <summary>Saves the settings, then recording and the service level where they changed; all field errors in the reader's language.</summary>
    public async Task<(QueueConfig? Saved, Dictionary<string, string> Errors)> Save(IGrainFactory grains, bool isNew, string actor, UiText text)
    {
        var directory = grains.GetGrain<ICallCenterDirectoryGrain>(0);
        var current = isNew ? CallCenterConfigEndpoints.Defaults : await directory.GetQueue(QueueId ?? "");
        if (current is null) return (null, new() { ["queueId"] = text.Validation("queueId", "unknown", "queue") });
        var (config, errors) = CallCenterConfigEndpoints.ToQueue(QueueId ?? "", ToRequest(), current);
        if (errors.Count > 0) return (null, Messages(errors, text));
        var result = isNew ? await directory.CreateQueue(config, actor) : await directory.UpdateQueue(config, actor);
        if (!result.Succeeded) return (null, Messages(result.Errors!, text));
        var queueId = result.Value!.QueueId;
        var recording = grains.GetGrain<IRecordingPolicyGrain>(0);
        if (await recording.Records(queueId) != Recording) await recording.Set(queueId, Recording, actor);
        var live = (await grains.GetGrain<ICallCenterKpiGrain>(0).GetLive()).Queues.FirstOrDefault(k => k.QueueId == queueId);
        if (live is null || live.ServiceLevelSeconds != ServiceLevelSeconds || live.ServiceLevelTarget != ServiceLevelTarget)
        {
            var level = await grains.GetGrain<ICallCenterKpiGrain>(0).SetServiceLevel(queueId, ServiceLevelSeconds, ServiceLevelTarget, actor);
            if (!level.Succeeded)
                return (result.Value, level.Errors!.ToDictionary(e => e.Key == "withinSeconds" ? "serviceLevelSeconds" : e.Key == "targetPercent" ? "serviceLevelTarget" : e.Key,
                    e => text.Validation(e.Key, e.Value[0], "kpi")));
        }
        return (result.Value, []);
    }

    private static Dictionary<string, string> Messages(IReadOnlyDictionary<string, string[]> errors, UiText text) =>
        errors.ToDictionary(e => e.Key, e => text.Validation(e.Key, e.Value[0], "queue"));
}
