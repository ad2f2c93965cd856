using MealTerminal.Core.Flash;
using MealTerminal.Core.Voice;

namespace MealTerminal.Simulator.Voice;

/// <summary>
/// The simulator's voice: each prompt is played through the core's own ClipVoice from the voice
/// pack in the simulated flash, all at once, into a WAV file named after the terminal, a running
/// number and the first phrase (S01-T01-0003-v02.wav: the third prompt, verdict 2).
/// </summary>
public sealed class WavPromptWriter : IVoice
{
    private readonly VoicePackStore packs;
    private readonly ClipVoice clips;
    private readonly Capture capture = new();
    private readonly string folder;
    private readonly string prefix;
    private int count;

    public WavPromptWriter(VoicePackStore packs, IFlash flash, string folder, string prefix)
    {
        this.packs = packs;
        clips = new ClipVoice(packs, flash, capture);
        this.folder = folder;
        this.prefix = prefix;
        Directory.CreateDirectory(folder);
    }

    /// <summary>The file the last prompt went to, or null.</summary>
    public string? LastFile { get; private set; }

    public void Say(VoicePrompt prompt)
    {
        if (packs.InstalledVersion == 0 || prompt.Count == 0)
        {
            return;
        }

        capture.Samples.SetLength(0);
        clips.Say(prompt);
        while (clips.Speaking)
        {
            clips.Tick();
        }

        LastFile = Path.Combine(folder, $"{prefix}-{++count:D4}-{NameOf(prompt[0])}.wav");
        WavFile.Write(LastFile, capture.Samples.ToArray(), packs.SampleRate);
    }

    public void Tick()
    {
    }

    /// <summary>v01..v12 for a verdict, p34.. for another first phrase (a host review page).</summary>
    public static string NameOf(int phrase) => phrase < MealTerminal.Core.Meals.VerdictCode.Count ? $"v{phrase:D2}" : $"p{phrase:D2}";

    private sealed class Capture : IAudioOut
    {
        public MemoryStream Samples { get; } = new();

        public int Room => int.MaxValue;

        public void Restart(int sampleRate) => Samples.SetLength(0);

        public void Write(byte[] samples, int offset, int count) => Samples.Write(samples, offset, count);
    }
}
