using MealTerminal.Core.Voice;
using MealTerminal.Simulator.Voice;

namespace MealTerminal.Simulator.Tests.Voice;

public class VoiceGalleryTests
{
    [Fact]
    public void TheShippedPack_HasAClipForEveryPhrase_AndFitsTheDeviceSlot()
    {
        byte[] pack = ShippedVoicePack.Read();
        Assert.Null(VoicePackFormat.CheckHeader(pack, pack.Length, pack.Length));
        Assert.True(pack.Length <= MealTerminal.Core.Flash.FlashLayout.DefaultVoiceSectorsPerSlot * 4096, $"{pack.Length} bytes");
        Assert.True(VoicePackFormat.EntryCount(pack) >= Phrase.Count);
        for (int p = 1; p < Phrase.Count; p++)
        {
            uint length = BitConverter.ToUInt32(pack, VoicePackFormat.HeaderSize + (p * VoicePackFormat.IndexEntrySize) + 4);
            Assert.True(length > 800, $"phrase {p} ({PhraseText.Of(p)}) has only {length} samples");
        }
    }

    [Fact]
    public void EveryVerdictsPrompt_IsWrittenAsAWavFile_AsLongAsItsClips()
    {
        string folder = Directory.CreateTempSubdirectory("voice-gallery").FullName;
        byte[] pack = ShippedVoicePack.Read();
        VoiceGallery.WriteTo(folder, pack);

        string index = File.ReadAllText(Path.Combine(folder, "voice.md"));
        foreach (var (name, _, prompt) in VoiceGallery.Prompts())
        {
            byte[] wav = File.ReadAllBytes(Path.Combine(folder, "voice", name + ".wav"));
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
            Assert.Equal(8000, BitConverter.ToInt32(wav, 24));
            long clips = 0;
            for (int i = 0; i < prompt.Count; i++)
            {
                clips += BitConverter.ToUInt32(pack, VoicePackFormat.HeaderSize + (prompt[i] * VoicePackFormat.IndexEntrySize) + 4);
            }

            Assert.Equal(clips, BitConverter.ToInt32(wav, 40));
            Assert.Contains($"voice/{name}.wav", index);
            Assert.Contains(VoiceGallery.Text(prompt), index);
        }
    }
}
