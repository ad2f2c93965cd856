namespace MealTerminal.Simulator.Voice;

/// <summary>Writes unsigned 8-bit mono PCM as a RIFF WAV file any player opens.</summary>
public static class WavFile
{
    public static void Write(string path, byte[] samples, int sampleRate)
    {
        using var file = File.Create(path);
        using var w = new BinaryWriter(file);
        w.Write("RIFF"u8);
        w.Write(36 + samples.Length);
        w.Write("WAVEfmt "u8);
        w.Write(16);
        w.Write((short)1); // PCM
        w.Write((short)1); // mono
        w.Write(sampleRate);
        w.Write(sampleRate); // bytes per second: one byte a sample
        w.Write((short)1); // block align
        w.Write((short)8); // bits per sample
        w.Write("data"u8);
        w.Write(samples.Length);
        w.Write(samples);
    }
}
