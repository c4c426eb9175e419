using HomeService.CallCenter;
using HomeService.CallCenter.Recording;
using HomeService.Telephony;

namespace HomeService.Silo.Hosting;

/// <summary>
/// The simulated switch's recorder. A real switch stores the conversation it recorded and, a moment after the
/// recording stops (the call ended), reports the file ready (docs/telephony.md §6.5). The simulated switch does the same
/// with a <see cref="SimulatedRecording"/> address, so development and demos list every recorded call with a player.
/// "HomeService:Telephony:Simulator:RecordingReadySeconds" is the moment (default 2 s); a negative value turns the
/// reports off, for tests that play the switch's recording events themselves.
/// </summary>
public sealed class SimulatedRecordingService(SimulatedSwitch simulatedSwitch, IGrainFactory grains, IConfiguration config,
    ILogger<SimulatedRecordingService> logger) : IHostedService
{
    private readonly TimeSpan _readyAfter = TimeSpan.FromSeconds(config.GetValue("HomeService:Telephony:Simulator:RecordingReadySeconds", 2.0));

    public Task StartAsync(CancellationToken ct)
    {
        if (_readyAfter >= TimeSpan.Zero) simulatedSwitch.CommandIssued += OnCommand;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        simulatedSwitch.CommandIssued -= OnCommand;
        return Task.CompletedTask;
    }

    /// <summary>Raised inside the call grain's turn: the report leaves it, as a switch's event would arrive from outside.</summary>
    private void OnCommand(SwitchCommand command)
    {
        if (command.Command == "record-stop") _ = Task.Run(() => ReportReady(command.CallId));
    }

    private async Task ReportReady(string callId)
    {
        try
        {
            await Task.Delay(_readyAfter);
            // One recording per call from this switch: the same key on a repeat, as a switch's retry would carry.
            await grains.GetGrain<ICallGrain>(callId).RecordingReady($"{callId}:recording:simulated", SimulatedRecording.Url(callId));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Simulated switch: the recording of {Call} could not be reported ready", callId);
        }
    }
}
