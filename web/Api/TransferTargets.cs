using HomeService.CallCenter;
using HomeService.Identity;
using HomeService.Web.Data;
using HomeService.Web.Localization;

namespace HomeService.Web.Api;

/// <summary>
/// Whom an agent may transfer or consult to: colleagues by work number (A002) or by login (agent2), queues, and (as an
/// outside number) the admitted merchants' service phones, for a caller who must talk to the company itself. The console's
/// picker lists them with each colleague's live status; the console's commands resolve what was typed here.
/// </summary>
public static class TransferTargets
{
    public sealed record Colleague(string AgentId, string Name, string Status, string StatusName);
    public sealed record QueueChoice(string QueueId, string Name);
    public sealed record Choices(IReadOnlyList<Colleague> Agents, IReadOnlyList<QueueChoice> Queues, IReadOnlyList<MerchantPhoneBook.Entry> Merchants);

    /// <summary>The colleague's work number for a work number or a login; null when it names no seat.</summary>
    public static async Task<string?> Agent(IGrainFactory grains, string typed)
    {
        var directory = grains.GetGrain<ICallCenterDirectoryGrain>(0);
        if (await directory.GetAgent(typed) is { } byNumber) return byNumber.AgentId;
        // Logins are kept lower-case; a seat's work number is what the account links to.
        var account = await grains.GetGrain<IUserAccountGrain>(typed.ToLowerInvariant()).Get();
        return account is { Disabled: false, AgentId: { } agentId } && await directory.GetAgent(agentId) is not null ? agentId : null;
    }

    /// <summary>
    /// Every colleague but the asking agent with their status now, ready ones first; every queue named in the page's
    /// language (both from grains); and the admitted merchants' phones, briefly cached (<see cref="MerchantPhoneBook"/>).
    /// </summary>
    public static async Task<Choices> For(IGrainFactory grains, MerchantPhoneBook phones, string me, UiText text)
    {
        var directory = grains.GetGrain<ICallCenterDirectoryGrain>(0);
        var profiles = (await directory.GetAgents()).Where(a => a.AgentId != me).ToList();
        var views = await Task.WhenAll(profiles.Select(p => grains.GetGrain<IAgentGrain>(p.AgentId).Get()));
        var agents = views
            .OrderBy(v => v.Status == AgentStatus.Available ? 0 : v.Status == AgentStatus.Offline ? 2 : 1).ThenBy(v => v.AgentId)
            .Select(v => new Colleague(v.AgentId, v.Name, v.Status.ToString(), text[$"agent.status.{v.Status}"]))
            .ToList();
        var queues = (await directory.GetQueues())
            .Select(q => new QueueChoice(q.QueueId, UiText.IsEnglish ? q.NameEn : q.NameZh)).ToList();
        return new Choices(agents, queues, await phones.Get());
    }
}
