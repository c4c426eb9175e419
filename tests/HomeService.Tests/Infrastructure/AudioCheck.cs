using System.Globalization;

namespace HomeService.Tests.Infrastructure;

/// <summary>What a recording holds, measured with sox: tones made for the voice tests and the level and rough pitch heard.</summary>
public static class AudioCheck
{
    /// <summary>An 8 kHz mono 16-bit sine WAV: a phone's microphone in the voice tests.</summary>
    public static Task Tone(string path, int hertz, int seconds) =>
        Sox("-n", "-r", "8000", "-c", "1", "-b", "16", path, "synth", seconds.ToString(CultureInfo.InvariantCulture), "sine",
            hertz.ToString(CultureInfo.InvariantCulture), "vol", "0.5");

    public static async Task<(double Rms, double Frequency)> Stat(string wav, double start, double length)
    {
        var output = await Sox(wav, "-n", "trim", start.ToString(CultureInfo.InvariantCulture), length.ToString(CultureInfo.InvariantCulture), "stat");
        double Value(string name) => double.Parse(output.Split('\n').First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(':')[1].Trim(),
            CultureInfo.InvariantCulture);
        return (Value("RMS     amplitude"), Value("Rough   frequency"));
    }

    /// <summary>The recording cut into windows, each with its level and rough pitch: what was heard, in order.</summary>
    public static async Task<IReadOnlyList<(double Start, double Rms, double Frequency)>> Windows(string wav, double window)
    {
        var length = await Length(wav);
        var windows = new List<(double, double, double)>();
        for (var start = 0.0; start + window <= length; start += window)
        {
            var (rms, frequency) = await Stat(wav, start, window);
            windows.Add((start, rms, frequency));
        }
        return windows;
    }

    /// <summary>The level of one tone in a mix: the RMS left after a band-pass of ±10 % around it.</summary>
    public static async Task<double> ToneLevel(string wav, int hertz)
    {
        var band = string.Create(CultureInfo.InvariantCulture, $"{hertz * 0.9:0}-{hertz * 1.1:0}");
        var output = await Sox(wav, "-n", "sinc", band, "stat");
        return double.Parse(output.Split('\n').First(l => l.StartsWith("RMS     amplitude", StringComparison.Ordinal)).Split(':')[1].Trim(),
            CultureInfo.InvariantCulture);
    }

    /// <summary>A recording's length in seconds.</summary>
    public static async Task<double> Length(string wav)
    {
        var (code, output) = await Programs.Run("soxi", ["-D", wav]);
        return code == 0 ? double.Parse(output.Trim(), CultureInfo.InvariantCulture) : throw new InvalidOperationException($"soxi failed: {output}");
    }

    private static async Task<string> Sox(params string[] args)
    {
        var (code, output) = await Programs.Run("sox", args);
        return code == 0 ? output : throw new InvalidOperationException($"sox failed: {output}"); // "stat" writes to stderr
    }
}
