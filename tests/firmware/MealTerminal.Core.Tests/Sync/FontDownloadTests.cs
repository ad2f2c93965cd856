using MealTerminal.Core.Flash;
using MealTerminal.Core.SelfTest;
using MealTerminal.Core.Fonts;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Sync;
using MealTerminal.Core.Tests.Fakes;
using MealTerminal.Core.Tests.Fonts;

namespace MealTerminal.Core.Tests.Sync;

/// <summary>
/// The font image (download kind 4) arrives like the roster: in chunks, resumable, checked, switched
/// in one state-log write; a power cut or a corrupt image leaves the old font. An 8-pixel image
/// (72 KB) stands in for the shipped 1.8 MB one so every write position can be cut.
/// </summary>
public class FontDownloadTests
{
    /// <summary>A W25Q128: the chip with font slots.</summary>
    private const int LargeChipSectors = 4096;

    private static readonly byte[] FontV1 = FontImageTests.SampleImage(1, heights: [8]);
    private static readonly byte[] FontV2 = FontImageTests.SampleImage(2, heights: [8, 9]);

    [Fact]
    public void ANewerFontImage_IsFetchedAfterTheRoster_AndSwitchedToWhole()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink, chunkSize: 2048);
        server.Offer(DownloadCodec.KindFont, 1, FontV1);
        server.Offer(DownloadCodec.KindRoster, 2, RosterWriter.Build(NamedRoster.Elders(50), 2, 1));
        Run(rig, server, () => rig.Terminal.Fonts.InstalledVersion == 1);

        Assert.Equal(DownloadCodec.KindRoster, server.Fetches[0].Kind);
        Assert.Equal(FontV1.Length, server.Fetches.Where(f => f.Kind == DownloadCodec.KindFont).Sum(f => f.Length));
        rig.Reboot();
        Assert.Equal(1u, rig.Terminal.Fonts.InstalledVersion);
        Assert.Equal(8, rig.Terminal.Fonts.Active!.ReadGlyph(0, 0xCD, 0xF5, new byte[FontFormat.MaxGlyphBytes]));
    }

    [Fact]
    public void AFontImageBrokenInside_IsNotSwitchedTo()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink, chunkSize: 2048);
        var broken = (byte[])FontV1.Clone();
        broken[^10] ^= 0x01; // the announced CRC matches these bytes; the image's own CRC does not
        server.Offer(DownloadCodec.KindFont, 1, broken);
        Run(rig, server, () => rig.Terminal.Downloads.Failures == 1);
        Assert.Equal(0u, rig.Terminal.Fonts.InstalledVersion);
        Assert.Null(rig.Terminal.Fonts.Active);
    }

    [Fact]
    public void AChipWithoutFontSlots_IgnoresTheOffer_FetchesNothingAndCountsNoFailure()
    {
        var rig = Connected(new RamFlash(128, 4096, 256));
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindFont, 1, FontV1);
        server.Offer(DownloadCodec.KindRoster, 2, RosterWriter.Build(NamedRoster.Elders(50), 2, 1));
        Run(rig, server, () => rig.Terminal.Rosters.InstalledVersion == 2);
        for (int i = 0; i < 100; i++)
        {
            rig.Terminal.Tick();
            server.Serve();
            rig.Clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.DoesNotContain(server.Fetches, f => f.Kind == DownloadCodec.KindFont);
        Assert.Equal(0, rig.Terminal.Downloads.Failures); // a W25Q32 is not failing: it has no font slots
        Assert.Equal(0u, rig.Terminal.Fonts.InstalledVersion);
    }

    [Fact]
    public void APowerCutAtAnyFlashWriteOfAFontDownload_LeavesTheOldFont_AndTheDownloadCompletesAfterwards()
    {
        var probe = Connected(new EmulatedNorFlash(LargeChipSectors));
        var first = new ImageServer(probe.Uplink, chunkSize: 512);
        first.Offer(DownloadCodec.KindFont, 1, FontV1);
        Run(probe, first, () => probe.Terminal.Fonts.InstalledVersion == 1);
        var chip = (EmulatedNorFlash)probe.Flash;
        var baseline = chip.Copy();
        chip.ResetCounters();
        var server = new ImageServer(probe.Uplink, chunkSize: 512);
        server.Offer(DownloadCodec.KindFont, 2, FontV2);
        Run(probe, server, () => probe.Terminal.Fonts.InstalledVersion == 2);
        int operations = chip.Mutations;
        Assert.True(operations > 300, $"only {operations} flash operations");

        for (int cut = 1; cut <= operations; cut += 37)
        {
            var torn = baseline.Copy(seed: cut);
            var rig = Connected(torn);
            var tornServer = new ImageServer(rig.Uplink, chunkSize: 512);
            tornServer.Offer(DownloadCodec.KindFont, 2, FontV2);
            torn.CutPowerAt(cut);
            Assert.Throws<PowerCutException>(() => Run(rig, tornServer, () => rig.Terminal.Fonts.InstalledVersion == 2));

            rig = Connected(torn.Copy(seed: cut + 1)); // power back
            Assert.InRange(rig.Terminal.Fonts.InstalledVersion, 1u, 2u);
            Assert.Equal(8, rig.Terminal.Fonts.Active!.ReadGlyph(0, 0xCD, 0xF5, new byte[FontFormat.MaxGlyphBytes]));
            tornServer = new ImageServer(rig.Uplink, chunkSize: 512);
            tornServer.Offer(DownloadCodec.KindFont, 2, FontV2);
            Run(rig, tornServer, () => rig.Terminal.Fonts.InstalledVersion == 2);
            Assert.True(rig.Terminal.Fonts.Active!.Verify());
        }
    }

    private static TerminalRig Connected(IFlash? flash = null)
    {
        var rig = new TerminalRig(flash: flash ?? new RamFlash(LargeChipSectors, 4096, 256));
        rig.Uplink.IsConnected = true;
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        return rig;
    }

    private static void Run(TerminalRig rig, ImageServer server, Func<bool> done)
    {
        for (int i = 0; i < 20_000 && !done(); i++)
        {
            rig.Terminal.Tick();
            server.Serve();
            rig.Clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.True(done(), "the download did not finish");
    }
}
