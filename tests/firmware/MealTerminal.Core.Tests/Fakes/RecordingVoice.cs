using MealTerminal.Core.Voice;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>Remembers every prompt the terminal hands the voice port, as its Mandarin text.</summary>
public sealed class RecordingVoice : IVoice
{
    public List<string> Said { get; } = new();

    public List<int> Volumes { get; } = new();

    public int Ticks { get; private set; }

    public void Say(VoicePrompt prompt)
    {
        Said.Add(Text(prompt));
        Volumes.Add(prompt.Volume);
    }

    public void Tick() => Ticks++;

    public static string Text(VoicePrompt prompt)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < prompt.Count; i++)
        {
            text.Append(PhraseText.Of(prompt[i]));
        }

        return text.ToString();
    }
}
