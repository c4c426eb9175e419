using System.Buffers.Binary;

namespace HomeService.Web.Api;

/// <summary>
/// Silence as a WAV file (8 kHz, 8-bit mono PCM, telephone quality): what the simulated switch's recordings play,
/// as it has no audio. Capped at ten minutes (4.8 MB); at least one second, so the player has something to load.
/// </summary>
public static class SilentWav
{
    private const int SampleRate = 8000;
    private const int MaxSeconds = 600;

    public static byte[] Of(int seconds)
    {
        var samples = SampleRate * Math.Clamp(seconds, 1, MaxSeconds);
        var wav = new byte[44 + samples];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + samples);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);         // fmt chunk size
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);          // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);          // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate); // bytes per second
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 1);          // block align
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 8);          // bits per sample
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples);
        span[44..].Fill(0x80); // 8-bit PCM is unsigned: 128 is silence
        return wav;
    }
}
