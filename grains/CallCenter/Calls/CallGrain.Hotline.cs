using System.Globalization;
using HomeService.CallCenter.Hotlines;

namespace HomeService.CallCenter.Calls;

/// <summary>
/// The hotline's door (热线号码): an offer goes in by <see cref="CallEntries.Follow"/>, the path the "what happens if"
/// tool shows too. A blacklisted caller, a withheld number on a hotline that blocks them and a caller outside the
/// hours are turned away before any IVR or queue: they hear why, then the call ends, a message may be left, or the
/// call leaves for the overflow number; a closed number that overflows to another of the center's numbers diverts the
/// call there.
/// </summary>
public sealed partial class CallGrain
{
    /// <summary>A property, not a field: the codec reads it while statics initialise, in no set order across partial files.</summary>
    private static (string Name, Type Type)[] HotlineEvents => [("CallDiverted", typeof(CallDiverted)), ("CallTurnedAway", typeof(CallTurnedAway))];

    /// <summary>The caller as calls keep it: a withheld number as "anonymous", any other normalized.</summary>
    private static string CallerNumber(string raw) => PhoneNumber.IsWithheld(raw) ? PhoneNumber.Withheld : PhoneNumber.Normalize(raw);

    /// <summary>The offer with where its path led (diversions, a turn-away) in one append, so a repeated offer finds the call where it is.</summary>
    private async Task RecordOffer(CallOffered offered, RoutingPath path)
    {
        var events = new List<object> { offered };
        for (var i = 1; i < path.Entries.Count; i++)
            events.Add(new CallDiverted(path.Entries[i - 1].Dialled, path.Entries[i].Dialled, Rule(path.Entries[i - 1]), Now));
        if (TurnAway(path) is { } away) events.Add(away);
        await _journal.Record(events, null, Now, _ => [ReadModel()]);
        ArmTimers();
    }

    private CallTurnedAway? TurnAway(RoutingPath path)
    {
        var last = path.Last;
        return path.Ending switch
        {
            EntryOutcomes.Blocked => new CallTurnedAway(CallTurnedAway.Blacklisted, CallTurnedAway.Message,
                $"{last.BlockReason} (→ {last.BlockedUntil:yyyy-MM-dd})", last.Say, null, Now),
            EntryOutcomes.Withheld => new CallTurnedAway(CallTurnedAway.Withheld, CallTurnedAway.Message, "withheld", last.Say, null, Now),
            EntryOutcomes.Voicemail => new CallTurnedAway(CallTurnedAway.Closed, CallTurnedAway.Voicemail, Rule(last), last.Say, null, Now),
            RoutingPath.TransferOut => new CallTurnedAway(CallTurnedAway.Closed, CallTurnedAway.TransferOut, Rule(last), last.Say, last.OverflowTo, Now),
            // Closed, or overflows that came back round: the closed message and the end.
            EntryOutcomes.Closed or EntryOutcomes.Overflow => new CallTurnedAway(CallTurnedAway.Closed, CallTurnedAway.Message, Rule(last),
                last.Say ?? HotlineDoor.DefaultClosedMessage, null, Now),
            _ => null,
        };
    }

    /// <summary>What the turn-away says the caller gets; a repeated offer of a call still on the line carries it out again.</summary>
    private async Task CarryOutTurnAway()
    {
        if (Call.TurnedAway is not { } away || !Call.IsLive) return;
        if (away.Say is { Length: > 0 } say) await gateway.PlayPrompt(CallId, say);
        switch (away.Action)
        {
            case CallTurnedAway.Voicemail:
                await gateway.PlayPrompt(CallId, VoicemailPrompt);
                await gateway.StartRecording(CallId);
                break;
            case CallTurnedAway.TransferOut:
                await gateway.BlindTransfer(CallId, $"external:{away.Target}");
                await End(null, "hotline", "overflow-out");
                break;
            default:
                await gateway.HangUp(CallId, "caller");
                await End(null, "hotline", away.Reason);
                break;
        }
    }

    /// <summary>The kind of day and the hours that applied, as the timeline shows them: "holiday 国庆节 2025-10-01 10:00 hours: (closed)".</summary>
    private static string Rule(HotlineEntry e) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{e.Day.Kind}{(e.Day.Source == "make-up" ? " make-up" : "")}{(e.Day.Name is null ? "" : " " + e.Day.Name)} {e.LocalTime:yyyy-MM-dd HH:mm} hours: {(e.Hours.Length == 0 ? "(closed)" : e.Hours)}");

    private IHotlineGrain Hotline(string number) => GrainFactory.GetGrain<IHotlineGrain>(number);
}
