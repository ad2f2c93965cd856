using MealTerminal.Core.Meals;
using MealTerminal.Core.Tests.Fakes;
using MealTerminal.Core.Voice;

namespace MealTerminal.Core.Tests.Voice;

public class ClipVoiceTests
{
    private static (TerminalRig Rig, RecordingAudioOut Out) Speaking(Func<int, int>? clipBytes = null)
    {
        var rig = new TerminalRig(voiceSectorsPerSlot: 8);
        Assert.True(rig.Terminal.VoicePacks.Install(TestPacks.Build(1, clipBytes)));
        var output = new RecordingAudioOut();
        rig.Terminal.Voice = new ClipVoice(rig.Terminal.VoicePacks, rig.Flash, output);
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        return (rig, output);
    }

    [Fact]
    public void ATap_StartsItsClipsInTheSameTick_InPromptOrder_AndFinishesOverLaterTicks()
    {
        var (rig, output) = Speaking(p => 400);
        rig.Config.Prices.Set(1, 0, 1000, 650);
        rig.Reader.Present(TerminalRig.Uid(0));
        rig.Terminal.Tick();
        Assert.Equal(ClipVoice.MaxBytesPerTick, output.Samples.Count); // the first audio went out with the verdict
        for (int i = 0; i < 10; i++)
        {
            rig.Terminal.Tick();
        }

        int[] expected = { VerdictCode.Accepted, Phrase.PleasePay, Phrase.Digit0 + 3, Phrase.Yuan, Phrase.Digit0 + 5, Phrase.Jiao };
        Assert.Equal(expected, output.Phrases());
        Assert.Equal(expected.Length * 400, output.Samples.Count);
        Assert.Equal(new[] { 8000 }, output.Restarts);
    }

    [Fact]
    public void ANewTap_CutsTheOldPromptShort()
    {
        var (rig, output) = Speaking(p => 800);
        rig.Reader.Present(TerminalRig.Uid(3));
        rig.Terminal.Tick(); // 登记成功 and the start of 祝您用餐愉快: 1 KB of 1.6 KB
        rig.Clock.Advance(TimeSpan.FromSeconds(4));
        rig.Reader.Present(TerminalRig.Uid(3));
        rig.Terminal.Tick(); // 本餐已用过 replaces it at once
        for (int i = 0; i < 10; i++)
        {
            rig.Terminal.Tick();
        }

        Assert.Equal(2, output.Restarts.Count);
        Assert.Equal(new[] { VerdictCode.AlreadyEaten }, output.Phrases()); // nothing of the first prompt after the restart
        Assert.Equal(800, output.Samples.Count);
    }

    [Fact]
    public void AFullOutput_TakesTheRestLater_NeverMoreThanItsRoom()
    {
        var (rig, output) = Speaking();
        output.Room = 50;
        rig.Reader.Present(TerminalRig.Uid(3));
        rig.Terminal.Tick();
        Assert.Equal(50, output.Samples.Count);
        rig.Terminal.Tick();
        Assert.Equal(50, output.Samples.Count);
        output.Room = int.MaxValue;
        rig.Terminal.Tick();
        Assert.Equal(new[] { VerdictCode.Accepted, Phrase.EnjoyYourMeal }, output.Phrases());
    }

    [Fact]
    public void TheVolume_ScalesSamplesAroundTheMidpoint()
    {
        var packs = new TerminalRig(voiceSectorsPerSlot: 8);
        var clips = new byte[Phrase.Count][];
        clips[Phrase.Yuan] = new byte[] { 128, 228, 28, 255, 0 };
        Assert.True(packs.Terminal.VoicePacks.Install(VoicePackFormat.Build(1, 8000, "cmn", clips)));
        var output = new RecordingAudioOut();
        var voice = new ClipVoice(packs.Terminal.VoicePacks, packs.Flash, output);
        var prompt = new VoicePrompt { Volume = 50 };
        prompt.Add(Phrase.Yuan);
        voice.Say(prompt);
        voice.Tick();
        Assert.Equal(new byte[] { 128, 178, 78, 191, 64 }, output.Samples);
    }

    [Fact]
    public void PhrasesWithoutAClip_AreSkipped_AndWithoutAPackTheVoiceIsSilent()
    {
        var (rig, output) = Speaking(p => p == Phrase.EnjoyYourMeal ? 0 : 100);
        rig.Tap(TerminalRig.Uid(3));
        Assert.Equal(new[] { VerdictCode.Accepted }, output.Phrases());

        var bare = new TerminalRig(voiceSectorsPerSlot: 8);
        var silent = new RecordingAudioOut();
        bare.Terminal.Voice = new ClipVoice(bare.Terminal.VoicePacks, bare.Flash, silent);
        bare.Clock.SetLocal(2026, 11, 23, 11, 30);
        Assert.Equal(VerdictCode.Accepted, bare.Tap(TerminalRig.Uid(3)));
        Assert.Empty(silent.Samples);
        Assert.Empty(silent.Restarts);
    }
}
