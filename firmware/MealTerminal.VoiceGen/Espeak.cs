using System.Diagnostics;

namespace MealTerminal.VoiceGen;

/// <summary>Runs espeak-ng for one phrase and reads the WAV it writes to stdout (16-bit mono PCM).</summary>
public static class Espeak
{
    public sealed record Speech(short[] Samples, int SampleRate);

    public static Speech Speak(string text, string voice, int wordsPerMinute)
    {
        var start = new ProcessStartInfo("espeak-ng")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-v", voice, "-s", wordsPerMinute.ToString(), "--stdout", text })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start");
        using var wav = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(wav);
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"espeak-ng failed ({process.ExitCode}): {errors}");
        }

        return Read(wav.ToArray());
    }

    /// <summary>
    /// Reads a RIFF WAV of 16-bit mono PCM. espeak-ng writing to a pipe cannot seek back, so it leaves
    /// the RIFF and data sizes at 0x7FFFFFFF; the data runs to the end of the stream.
    /// </summary>
    public static Speech Read(byte[] wav)
    {
        if (wav.Length < 44 || BitConverter.ToUInt32(wav, 0) != 0x46464952 || BitConverter.ToUInt32(wav, 8) != 0x45564157)
        {
            throw new InvalidDataException("not a WAV file");
        }

        int at = 12;
        int rate = 0;
        while (at + 8 <= wav.Length)
        {
            uint id = BitConverter.ToUInt32(wav, at);
            int size = BitConverter.ToInt32(wav, at + 4);
            if (id == 0x20746D66) // "fmt "
            {
                if (BitConverter.ToUInt16(wav, at + 8) != 1 || BitConverter.ToUInt16(wav, at + 10) != 1 || BitConverter.ToUInt16(wav, at + 22) != 16)
                {
                    throw new InvalidDataException("expected 16-bit mono PCM");
                }

                rate = BitConverter.ToInt32(wav, at + 12);
            }
            else if (id == 0x61746164) // "data"
            {
                int length = Math.Min(size < 0 ? int.MaxValue : size, wav.Length - at - 8) & ~1;
                var samples = new short[length / 2];
                Buffer.BlockCopy(wav, at + 8, samples, 0, length);
                return new Speech(samples, rate);
            }

            at += 8 + size + (size & 1);
        }

        throw new InvalidDataException("WAV without data");
    }
}
