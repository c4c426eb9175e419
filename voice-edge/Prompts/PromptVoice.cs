using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace HomeService.VoiceEdge.Prompts;

/// <summary>
/// Speaks the platform's prompt texts (menus in Chinese, position announcements) with espeak-ng's Mandarin voice, as
/// 8 kHz 16-bit mono WAVs that rtpengine plays: made once per text and kept in the prompt folder by the text's hash.
/// </summary>
public sealed class PromptVoice(string folder, ILogger<PromptVoice> logger)
{
    private readonly SemaphoreSlim _making = new(1, 1);

    public async Task<string> Wav(string text)
    {
        Directory.CreateDirectory(folder);
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
        var wav = Path.Combine(folder, name + ".wav");
        if (File.Exists(wav)) return wav;
        await _making.WaitAsync();
        try
        {
            if (File.Exists(wav)) return wav;
            var spoken = Path.Combine(folder, name + ".espeak.wav");
            await Run("espeak-ng", ["-v", "cmn", "-s", "165", "-w", spoken, text]);
            // rtpengine decodes the WAV itself; 8 kHz mono 16-bit matches PCMU without resampling.
            await Run("sox", [spoken, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", wav + ".tmp.wav"]);
            File.Move(wav + ".tmp.wav", wav);
            File.Delete(spoken);
            logger.LogInformation("Prompt {Name} spoken: {Text}", name, text);
            return wav;
        }
        finally
        {
            _making.Release();
        }
    }

    /// <summary>
    /// Music on hold (保持音乐), made by the project: a slow arpeggio of soft sine notes, 8 kHz like the prompts. No note
    /// is near 1 kHz, so a test can tell it from the agent's test tone.
    /// </summary>
    public async Task<string> HoldMusic()
    {
        Directory.CreateDirectory(folder);
        var wav = Path.Combine(folder, "hold-music-v1.wav");
        if (File.Exists(wav)) return wav;
        await _making.WaitAsync();
        try
        {
            if (File.Exists(wav)) return wav;
            string[] notes = ["523.25", "659.25", "783.99", "659.25", "587.33", "698.46", "880", "698.46"];
            var args = new List<string> { "-n", "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", wav + ".tmp.wav" };
            foreach (var note in notes) args.AddRange(["synth", "0.6", "sine", note, "fade", "q", "0.05", "0.6", "0.2", ":"]);
            args.RemoveAt(args.Count - 1);
            args.AddRange(["vol", "0.4"]);
            await Run("sox", [.. args]);
            File.Move(wav + ".tmp.wav", wav);
            return wav;
        }
        finally
        {
            _making.Release();
        }
    }

    private static async Task Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await error}");
    }
}
