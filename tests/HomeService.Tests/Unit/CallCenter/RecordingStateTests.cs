using HomeService.CallCenter.Recording;
using HomeService.Web.Api;
using HomeService.Web.Data;
using HomeService.Web.Localization;

namespace HomeService.Tests.Unit.CallCenter;

/// <summary>What the recordings list says about each answered call: a player, or a word saying why there is none.</summary>
public sealed class RecordingStateTests
{
    private static readonly DateTimeOffset Answered = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static RecordingReader.RecordingRow Call(string? url = null, bool ended = true, bool started = true, string? skippedFor = null) =>
        new("c1", "A001", "service", "13911110001", Answered, url is null ? null : Answered.AddMinutes(2), 60, url,
            ended ? Answered.AddMinutes(1) : null, started ? Answered : null, skippedFor);

    [Fact]
    public void Each_answered_call_has_a_state_that_says_whether_it_can_be_played_and_why_not()
    {
        Assert.Equal(RecordingState.Ready, RecordingState.Of(Call(url: "https://rec.example.cn/c1.wav")));
        Assert.Equal(RecordingState.Simulated, RecordingState.Of(Call(url: SimulatedRecording.Url("c1"))));
        Assert.Equal(RecordingState.Processing, RecordingState.Of(Call()));
        Assert.Equal(RecordingState.Live, RecordingState.Of(Call(ended: false)));
        Assert.Equal(RecordingState.QueueOff, RecordingState.Of(Call(started: false, skippedFor: "complaint")));
        Assert.Equal(RecordingState.QueueOff, RecordingState.Of(Call(ended: false, started: false, skippedFor: "complaint")));
        Assert.Equal(RecordingState.NotRecorded, RecordingState.Of(Call(started: false)));
        Assert.True(RecordingState.Playable(RecordingState.Simulated));
        Assert.False(RecordingState.Playable(RecordingState.Processing));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Every_state_but_a_plain_recording_has_words_in_both_languages(string culture)
    {
        foreach (var state in new[] { RecordingState.Simulated, RecordingState.Live, RecordingState.Processing, RecordingState.QueueOff, RecordingState.NotRecorded })
            Assert.Contains($"recordings.state.{state}", UiText.Keys(culture));
        Assert.Equal(culture == "en" ? "Recording being processed" : "录音处理中",
            UiCulture.Under(culture, () => new UiText()[$"recordings.state.{RecordingState.Processing}"]));
    }

    [Fact]
    public void The_simulated_switchs_recording_is_a_playable_wav_of_silence_as_long_as_the_recording()
    {
        var wav = SilentWav.Of(3);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(wav, 8, 4));
        Assert.Equal(44 + 3 * 8000, wav.Length);
        Assert.All(wav[44..], b => Assert.Equal(0x80, b));
        Assert.Equal(44 + 8000, SilentWav.Of(0).Length); // never empty: the player has a second to load
    }
}
