using HomeService.CallCenter;
using HomeService.CallCenter.Calls;

namespace HomeService.Tests.Unit.CallCenter;

/// <summary>The rules of the supervisor seat and of multi-party calls, and how their events fold into the call.</summary>
public sealed class SupervisionAndConferenceRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, "required")]
    [InlineData("   ", "required")]
    [InlineData("质检抽查", null)]
    public void Every_supervisor_action_needs_a_reason(string? reason, string? error) => Assert.Equal(error, SupervisorReason.Error(reason));

    [Fact]
    public void A_reason_is_at_most_200_characters() =>
        Assert.Equal(("max_length:200", (string?)null), (SupervisorReason.Error(new string('因', 201)), SupervisorReason.Error(new string('因', 200))));

    [Theory]
    [InlineData(CallStatus.Connected, "listen", null)]
    [InlineData(CallStatus.OnHold, "barge", null)]
    [InlineData(CallStatus.Ringing, "listen", "not-supervisable")]
    [InlineData(CallStatus.Queued, "whisper", "not-supervisable")]
    [InlineData(CallStatus.Ended, "listen", "not-supervisable")]
    [InlineData(CallStatus.Connected, "record", "unknown-mode")]
    public void Only_a_call_someone_is_talking_on_can_be_monitored(CallStatus status, string mode, string? error) =>
        Assert.Equal(error, SupervisionRules.Monitor(status, mode));

    [Theory]
    [InlineData(CallStatus.Connected, null)]
    [InlineData(CallStatus.Queued, "not-supervisable")]
    [InlineData(CallStatus.Ended, "not-supervisable")]
    public void Force_release_ends_only_a_call_in_progress(CallStatus status, string? error) => Assert.Equal(error, SupervisionRules.ForceRelease(status));

    [Fact]
    public void The_agent_is_shown_whisper_and_barge_but_never_a_silent_monitor()
    {
        var call = Connected();
        call.Apply(new CallSupervised("supervisor", "8100", "listen", "质检", T0));
        Assert.Null(call.ModeSeenByAgent);
        Assert.Null(call.LegsView().SupervisorMode);
        call.Apply(new CallSupervised("supervisor", "8100", "whisper", "指导", T0));
        Assert.Equal("whisper", call.LegsView().SupervisorMode);
        Assert.Single(call.SupervisorLegs); // switching mode is the same leg
        call.Apply(new CallSupervised("lead2", "8101", "barge", "客户要求", T0));
        Assert.Equal("barge", call.ModeSeenByAgent); // barge is heard by everyone: it wins over a whisper
        call.Apply(new CallSupervisionEnded("lead2", "left", T0));
        call.Apply(new CallSupervisionEnded("supervisor", "left", T0));
        Assert.Null(call.ModeSeenByAgent);
        Assert.Empty(call.SupervisionView().Supervisors);
    }

    [Theory]
    [InlineData(CallStatus.Connected, true, false, 0, "merchant", null)]
    [InlineData(CallStatus.OnHold, true, false, 2, "external", null)]
    [InlineData(CallStatus.Connected, false, false, 0, "worker", "not-your-connected-call")]
    [InlineData(CallStatus.Ringing, true, false, 0, "agent", "not-your-connected-call")]
    [InlineData(CallStatus.Connected, true, true, 0, "agent", "consult-in-progress")]
    [InlineData(CallStatus.Connected, true, false, 3, "external", "too-many-parties")]
    [InlineData(CallStatus.Connected, true, false, 0, "queue", "unknown-target")]
    public void The_calls_agent_adds_parties_to_a_live_call(CallStatus status, bool isAgent, bool consulting, int parties, string kind, string? error) =>
        Assert.Equal(error, ConferenceRules.Add(status, isAgent, consulting, parties, kind));

    [Theory]
    [InlineData(true, true, true, null)]
    [InlineData(true, true, false, "colleague-not-answered")]
    [InlineData(true, false, false, "no-consultation")]
    [InlineData(false, true, true, "no-consultation")]
    public void Only_an_answered_consultation_merges(bool isAgent, bool consulting, bool answered, string? error) =>
        Assert.Equal(error, ConferenceRules.Merge(isAgent, consulting, answered, 0));

    [Fact]
    public void A_party_leaving_keeps_the_others_connected_and_the_last_one_leaving_ends_the_call()
    {
        var call = Connected();
        call.Apply(new CallPartyAdded("p1", "A001", "merchant", "M001", "安心家政", "external:037160001001", T0));
        call.Apply(new CallPartyAdded("p2", "A001", "agent", "A002", "何静", "agent:8002", T0));
        Assert.Equal(2, call.ConnectedParties.Count());

        // The colleague's phone is reported gone by plain seat: it is their leg.
        var colleague = call.ConnectedParties.Single(p => ConferenceRules.IsLegOf(p, "8002"));
        call.Apply(new CallPartyLeft("e1", colleague.PartyId, "hung-up", T0));
        Assert.True(ConferenceRules.CallContinues(call.AgentId is not null, call.ConnectedParties.Count()));

        // The agent leaves: nobody takes over (the merchant is no agent), the caller and the merchant stay connected.
        Assert.Null(ConferenceRules.Successor(call.ConnectedParties));
        call.Apply(new CallAgentLeftConference(null, "A001", null, null, T0));
        Assert.Null(call.AgentId);
        Assert.Equal(CallStatus.Connected, call.Status);
        Assert.True(ConferenceRules.CallContinues(false, call.ConnectedParties.Count()));

        call.Apply(new CallPartyLeft(null, "p1", "hung-up", T0));
        Assert.False(ConferenceRules.CallContinues(call.AgentId is not null, call.ConnectedParties.Count()));
    }

    [Fact]
    public void A_merged_consultation_makes_the_colleague_a_party_who_takes_over_when_the_agent_leaves()
    {
        var call = Connected();
        call.Apply(new CallConsultStarted("A001", "A002", T0));
        call.Apply(new CallConsultAnswered("A002", T0));
        call.Apply(new CallConsultMerged("p1", "A001", "A002", "何静", "agent:8002", T0));
        Assert.Null(call.ConsultAgentId);
        Assert.Equal(CallStatus.Connected, call.Status); // the caller is off hold: three people talk
        var colleague = Assert.Single(call.ConnectedParties);
        Assert.Equal("A002", colleague.AgentId);
        Assert.Null(ConferenceRules.AgentLeave(true, call.Status, 1));
        Assert.Equal("no-conference", ConferenceRules.AgentLeave(true, call.Status, 0));

        Assert.Same(colleague, ConferenceRules.Successor(call.ConnectedParties));
        call.Apply(new CallAgentLeftConference(null, "A001", "p1", "A002", T0));
        Assert.Equal("A002", call.AgentId);
        Assert.Empty(call.ConnectedParties);
    }

    private static CallState Connected()
    {
        var call = new CallState { CallId = "c1" };
        call.Apply(new CallOffered("e0", "13800138000", "037112345", "T1", "2", "service", 0, T0));
        call.Apply(new CallRinging("service", ["A001"], 20, 3, 30, T0));
        call.Apply(new CallAnswered(null, "A001", "console", T0));
        return call;
    }
}
