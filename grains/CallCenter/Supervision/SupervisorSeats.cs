using HomeService.CallCenter.Calls;
using Microsoft.Extensions.Configuration;

namespace HomeService.CallCenter.Supervision;

/// <summary>
/// A supervisor's seat at the switch, from "HomeService:CallCenter:SupervisorSeats:&lt;login&gt;" (an extension, like an
/// agent's). Supervisors are logins, not directory agents, so they have no AgentProfile.Extension; without a configured
/// extension the seat is "sup-&lt;login&gt;", a soft seat id the switch integration can map.
/// </summary>
public sealed class SupervisorSeats(IConfiguration config)
{
    public string SeatOf(string supervisorId) =>
        config[$"HomeService:CallCenter:SupervisorSeats:{supervisorId}"] is { Length: > 0 } seat ? seat : SupervisionRules.DefaultSeat(supervisorId);
}
