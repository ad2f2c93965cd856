using MealTerminal.Core.Voice;

namespace MealTerminal.Core.Tests.Voice;

/// <summary>Small voice packs whose clips say which phrase they are: every sample of phrase p's clip is Sample(p).</summary>
public static class TestPacks
{
    /// <summary>A pack with a clip of clipBytes(p) bytes for each phrase (0 bytes: no clip).</summary>
    public static byte[] Build(uint version, Func<int, int>? clipBytes = null, int entries = Phrase.Count, int sampleRate = 8000)
    {
        var clips = new byte[entries][];
        for (int p = 1; p < entries; p++)
        {
            int n = clipBytes?.Invoke(p) ?? 100 + p;
            clips[p] = Enumerable.Repeat(Sample(p), n).ToArray();
        }

        return VoicePackFormat.Build(version, sampleRate, "cmn", clips);
    }

    /// <summary>Phrase p's sample value: 128 + 2p, so clips stay told apart after scaling to 80 % volume.</summary>
    public static byte Sample(int p) => (byte)(128 + (2 * p));

    /// <summary>The phrase a sample scaled to volume percent came from, or -1.</summary>
    public static int PhraseOf(byte sample, int volume)
    {
        for (int p = 1; p < 64; p++)
        {
            if ((byte)(128 + ((Sample(p) - 128) * volume / 100)) == sample)
            {
                return p;
            }
        }

        return -1;
    }
}
