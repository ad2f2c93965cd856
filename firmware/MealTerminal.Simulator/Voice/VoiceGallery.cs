using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Voice;

namespace MealTerminal.Simulator.Voice;

/// <summary>
/// What the terminal says for each verdict, a payment and a host review page, played by the core's
/// ClipVoice from the shipped voice pack into WAV files, with an index page (docs/screens/voice.md).
/// </summary>
public static class VoiceGallery
{
    /// <summary>Every prompt of the gallery: file name, what it is, the prompt.</summary>
    public static IEnumerable<(string Name, string What, VoicePrompt Prompt)> Prompts()
    {
        for (int verdict = 1; verdict < VerdictCode.Count; verdict++)
        {
            var prompt = new VoicePrompt();
            VerdictPrompts.ForTap(prompt, verdict, VerdictPrompts.NoAmount);
            yield return ($"voice-{verdict:D2}", $"{verdict}", prompt);
        }

        foreach (int fen in new[] { 350, 1250, 200, 5, 0 })
        {
            var prompt = new VoicePrompt();
            VerdictPrompts.ForTap(prompt, VerdictCode.Accepted, fen);
            yield return ($"voice-01-pay-{fen}", fen == 0 ? "1, fully subsidised" : $"1, {MealPrices.Yuan(fen)} 元 to pay", prompt);
        }

        var review = new VoicePrompt();
        VerdictPrompts.ForHostReview(review, 0, 12, false);
        yield return ("voice-host-review", "host review, first page", review);
    }

    /// <summary>Writes a WAV per prompt and voice.md into a folder.</summary>
    public static void WriteTo(string folder, byte[] pack)
    {
        var flash = new RamFlash(300, 4096, 256);
        var state = new StateLog(flash, 0);
        state.Mount();
        var packs = new VoicePackStore(flash, state, 2, 140);
        if (!packs.Install(pack))
        {
            throw new InvalidOperationException("the voice pack failed its check");
        }

        string clips = Path.Combine(folder, "voice");
        var writer = new WavPromptWriter(packs, flash, clips, "gallery");
        var index = new List<string>
        {
            "# Voice prompts", string.Empty,
            "What the terminal says for each verdict, after a meal with an amount to pay, and on the host review (played by the core's `ClipVoice` from the shipped Mandarin pack, `firmware/VoicePacks/mandarin-espeak.vpk`, 8 kHz 8-bit). Regenerate with `dotnet run --project firmware/MealTerminal.Simulator -- voices docs/screens`; see [docs/voice.md](../voice.md).",
            string.Empty, "| verdict | spoken | clip |", "| --- | --- | --- |",
        };
        foreach (var (name, what, prompt) in Prompts())
        {
            writer.Say(prompt);
            string file = Path.Combine(clips, name + ".wav");
            File.Move(writer.LastFile!, file, overwrite: true);
            index.Add($"| {what} | {Text(prompt)} | [{name}.wav](voice/{name}.wav) |");
        }

        File.WriteAllLines(Path.Combine(folder, "voice.md"), index);
    }

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
