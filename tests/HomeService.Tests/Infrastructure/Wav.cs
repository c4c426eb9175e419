using HomeService.VoiceEdge.Media;

namespace HomeService.Tests.Infrastructure;

/// <summary>WAV files for the voice tests, written without sox: the browser's fake microphone and audio captured in a page.</summary>
public static class Wav
{
    public static byte[] Sine(int hertz, int seconds, int sampleRate, double level = 0.5) =>
        Pcm16(Enumerable.Range(0, seconds * sampleRate).Select(i => level * Math.Sin(2 * Math.PI * hertz * i / sampleRate)).ToArray(), sampleRate);

    /// <param name="samples">Samples from -1 to 1.</param>
    public static byte[] Pcm16(IReadOnlyList<double> samples, int sampleRate) =>
        WavFile.Pcm16(samples.Select(s => (short)Math.Round(Math.Clamp(s, -1, 1) * short.MaxValue)).ToArray(), sampleRate);
}
