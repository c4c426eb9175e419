using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Localization;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>A seat as its form posts it: up to five skills, each a name and a proficiency from 1 to 5.</summary>
public sealed class SeatForm
{
    public const int SkillRows = 5;

    public string? AgentId { get; set; }
    public string? Name { get; set; }
    public string? Extension { get; set; }
    public string? TeamId { get; set; }
    public List<string?> Skill { get; set; } = [];
    public List<int> Level { get; set; } = [];

    public AgentProfile ToProfile(string? agentId = null)
    {
        var skills = new Dictionary<string, int>();
        for (var i = 0; i < Skill.Count; i++)
            if (!string.IsNullOrWhiteSpace(Skill[i])) skills[Skill[i]!.Trim().ToLowerInvariant()] = i < Level.Count ? Level[i] : 1;
        return CallCenterConfigEndpoints.ToSeat(agentId ?? AgentId, new(agentId ?? AgentId, Name, Extension, skills, TeamId));
    }

    public static SeatForm From(AgentProfile p) => new()
    {
        AgentId = p.AgentId, Name = p.Name, Extension = p.Extension, TeamId = p.TeamId,
        Skill = p.Skills.Keys.Cast<string?>().ToList(), Level = p.Skills.Values.ToList(),
    };

    public static Dictionary<string, string> Messages(IReadOnlyDictionary<string, string[]> errors, UiText text) =>
        errors.ToDictionary(e => e.Key, e => text.Validation(e.Key, e.Value[0], "seat"));
}
