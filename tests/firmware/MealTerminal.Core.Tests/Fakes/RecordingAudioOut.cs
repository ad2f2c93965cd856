using MealTerminal.Core.Voice;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>An audio output that keeps every sample of the current stream; Room is what the test allows.</summary>
public sealed class RecordingAudioOut : IAudioOut
{
    public List<byte> Samples { get; } = new();

    public List<int> Restarts { get; } = new();

    public int Room { get; set; } = int.MaxValue;

    public void Restart(int sampleRate)
    {
        Samples.Clear();
        Restarts.Add(sampleRate);
    }

    public void Write(byte[] samples, int offset, int count)
    {
        Assert.InRange(count, 1, Room);
        Samples.AddRange(samples.Skip(offset).Take(count));
        if (Room != int.MaxValue)
        {
            Room -= count;
        }
    }

    /// <summary>The phrase ids in the stream, one per run of equal samples (TestPacks clips say their phrase id).</summary>
    public List<int> Phrases(int volume = VoiceSettings.DefaultVolume)
    {
        var phrases = new List<int>();
        foreach (byte b in Samples)
        {
            int p = MealTerminal.Core.Tests.Voice.TestPacks.PhraseOf(b, volume);
            if (phrases.Count == 0 || phrases[^1] != p)
            {
                phrases.Add(p);
            }
        }

        return phrases;
    }
}
