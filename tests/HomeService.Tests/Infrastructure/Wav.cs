namespace HomeService.Tests.Infrastructure;

/// <summary>Mono 16-bit PCM WAV files, written without sox: the browser's fake microphone and audio captured in a page.</summary>
public static class Wav
{
    public static byte[] Sine(int hertz, int seconds, int sampleRate, double level = 0.5) =>
        Pcm16(Enumerable.Range(0, seconds * sampleRate).Select(i => level * Math.Sin(2 * Math.PI * hertz * i / sampleRate)).ToArray(), sampleRate);

    /// <param name="samples">Samples from -1 to 1.</param>
    public static byte[] Pcm16(IReadOnlyList<double> samples, int sampleRate)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + samples.Count * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1); // PCM
        writer.Write((short)1); // mono
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples.Count * 2);
        foreach (var sample in samples) writer.Write((short)Math.Round(Math.Clamp(sample, -1, 1) * short.MaxValue));
        writer.Flush();
        return stream.ToArray();
    }
}
