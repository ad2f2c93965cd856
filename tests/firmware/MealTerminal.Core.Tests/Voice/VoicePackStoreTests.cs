using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Tests.Fakes;
using MealTerminal.Core.Voice;

namespace MealTerminal.Core.Tests.Voice;

public class VoicePackStoreTests
{
    [Fact]
    public void AnInstalledPack_FindsEachPhrasesClip_AndIsThereAfterAReboot()
    {
        var rig = new TerminalRig(voiceSectorsPerSlot: 8);
        Assert.Equal(0u, rig.Terminal.VoicePacks.InstalledVersion);
        Assert.True(rig.Terminal.VoicePacks.Install(TestPacks.Build(3)));
        rig.Reboot();

        var packs = rig.Terminal.VoicePacks;
        Assert.Equal(3u, packs.InstalledVersion);
        Assert.Equal(8000, packs.SampleRate);
        Assert.True(packs.TryFindClip(Phrase.Yuan, out int address, out int length));
        Assert.Equal(100 + Phrase.Yuan, length);
        var clip = new byte[length];
        rig.Flash.Read(address, clip, 0, length);
        Assert.All(clip, b => Assert.Equal(TestPacks.Sample(Phrase.Yuan), b));
    }

    [Fact]
    public void VoiceSlots_SitAtTheEndOfTheChip_AndTakeTheirSectorsFromTheLedgerOnly()
    {
        var flash = new RamFlash(1024, 4096, 256);
        var plain = new FlashLayout(flash, 20000);
        var speaking = new FlashLayout(flash, 20000, FlashLayout.DefaultVoiceSectorsPerSlot);
        Assert.Equal(plain.LedgerFirstSector, speaking.LedgerFirstSector);
        Assert.Equal(plain.LedgerSectorCount - 256, speaking.LedgerSectorCount);
        Assert.Equal(1024 - 256, speaking.VoiceFirstSector);
    }

    public static TheoryData<string, Func<byte[], byte[]>> Corruptions => new()
    {
        { "a flipped bit in a clip", image => Flip(image, image.Length / 2) },
        { "a wrong magic", image => Flip(image, 0) },
        { "an unknown format version", image => Set(image, 4, 2) },
        { "an unknown sample format", image => Set(image, 5, 3) },
        { "a sample rate out of range", image => Set(image, 13, 0xFF) },
        { "a clip pointing past the end", image => Set(image, VoicePackFormat.HeaderSize + 8 + 3, 0x7F) },
        { "a size field that lies", image => Set(image, 16, (byte)(image[16] + 1)) },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void ACorruptPack_IsRefused_AndTheOldOneKeepsSpeaking(string what, Func<byte[], byte[]> corrupt)
    {
        var rig = new TerminalRig(voiceSectorsPerSlot: 8);
        Assert.True(rig.Terminal.VoicePacks.Install(TestPacks.Build(1)));
        var bad = corrupt(TestPacks.Build(2, p => 50));
        Assert.False(rig.Terminal.VoicePacks.Install(bad), what);
        Assert.Equal(1u, rig.Terminal.VoicePacks.InstalledVersion);
        Assert.True(rig.Terminal.VoicePacks.TryFindClip(Phrase.Fen, out _, out int length));
        Assert.Equal(100 + Phrase.Fen, length);
        rig.Reboot();
        Assert.Equal(1u, rig.Terminal.VoicePacks.InstalledVersion);
    }

    [Fact]
    public void APackLargerThanASlot_IsRefusedBeforeAnythingIsErased()
    {
        var rig = new TerminalRig(voiceSectorsPerSlot: 2);
        Assert.False(rig.Terminal.VoicePacks.Install(TestPacks.Build(2, p => 300)));
        Assert.Equal(0u, rig.Terminal.VoicePacks.InstalledVersion);
    }

    [Fact]
    public void APackWithFewerPhrases_SpeaksWhatItHas_AndOneWithMore_IgnoresTheRest()
    {
        var rig = new TerminalRig(voiceSectorsPerSlot: 8);
        Assert.True(rig.Terminal.VoicePacks.Install(TestPacks.Build(1, entries: 13)));
        Assert.True(rig.Terminal.VoicePacks.TryFindClip(12, out _, out _));
        Assert.False(rig.Terminal.VoicePacks.TryFindClip(Phrase.PleasePay, out _, out _));
        Assert.True(rig.Terminal.VoicePacks.Install(TestPacks.Build(2, entries: 60)));
        Assert.True(rig.Terminal.VoicePacks.TryFindClip(Phrase.Count - 1, out _, out _));
    }

    [Fact]
    public void TheBuiltPack_EndsWithTheCrcOfEverythingBeforeIt()
    {
        var image = TestPacks.Build(1);
        Assert.Equal(Crc32.Compute(image, 0, image.Length - 4), LittleEndian.ReadUInt32(image, image.Length - 4));
        Assert.Null(VoicePackFormat.CheckHeader(image, image.Length, image.Length));
    }

    private static byte[] Flip(byte[] image, int at)
    {
        image[at] ^= 0x10;
        return image;
    }

    private static byte[] Set(byte[] image, int at, byte value)
    {
        image[at] = value;
        return image;
    }
}
