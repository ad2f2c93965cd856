using MealTerminal.Core.SelfTest;
using MealTerminal.Core.Sync;
using MealTerminal.Core.Tests.Fakes;
using MealTerminal.Core.Voice;

namespace MealTerminal.Core.Tests.Voice;

/// <summary>Voice packs travel as download kind 3: chunked, resumable, switched whole, after the roster and config.</summary>
public class VoicePackDownloadTests
{
    private static readonly byte[] PackV2 = TestPacks.Build(2, p => 400 + p); // about 17 KB: 5 sectors

    [Fact]
    public void ANewerPack_IsFetchedInChunks_AndSpokenFromOnceWhole()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindVoicePack, 2, PackV2);
        Run(rig, server, () => rig.Terminal.VoicePacks.InstalledVersion == 2);

        Assert.All(server.Fetches, f => Assert.Equal(DownloadCodec.KindVoicePack, f.Kind));
        Assert.Equal(PackV2.Length, server.Fetches.Sum(f => f.Length));
        rig.Reboot();
        Assert.Equal(2u, rig.Terminal.VoicePacks.InstalledVersion);
    }

    [Fact]
    public void ATerminalWithoutVoiceSlots_IgnoresPackOffers()
    {
        var rig = new TerminalRig();
        rig.Uplink.IsConnected = true;
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindVoicePack, 2, PackV2);
        Run(rig, server, () => false, ticks: 200);
        Assert.Empty(server.Fetches);
        Assert.Equal(0, rig.Terminal.Downloads.MessagesRefused);
    }

    [Fact]
    public void ARebootMidDownload_ResumesFromTheLastWholeSector()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindVoicePack, 2, PackV2);
        Run(rig, server, () => server.Fetches.Count == 10); // two whole sectors and half the third
        rig.Reboot();
        Assert.Equal(1u, rig.Terminal.VoicePacks.InstalledVersion);
        server.Offer(DownloadCodec.KindVoicePack, 2, PackV2);
        int before = server.Fetches.Count;
        Run(rig, server, () => rig.Terminal.VoicePacks.InstalledVersion == 2);

        Assert.Equal(1, rig.Terminal.Downloads.Resumes);
        Assert.Equal(2 * 4096, server.Fetches[before].Offset);
    }

    [Fact]
    public void APowerCutAtAnyFlashWriteOfTheDownload_LeavesTheOldPackSpeaking_AndTheDownloadCompletesAfterwards()
    {
        var probe = Connected(new EmulatedNorFlash(128));
        var chip = (EmulatedNorFlash)probe.Flash;
        var baseline = chip.Copy();
        chip.ResetCounters();
        var server = new ImageServer(probe.Uplink, chunkSize: 1024);
        server.Offer(DownloadCodec.KindVoicePack, 2, PackV2);
        Run(probe, server, () => probe.Terminal.VoicePacks.InstalledVersion == 2);
        int operations = chip.Mutations;
        Assert.True(operations > 50, $"only {operations} flash operations");

        for (int cut = 1; cut <= operations; cut++)
        {
            var torn = baseline.Copy(seed: cut);
            var rig = Connected(torn);
            var tornServer = new ImageServer(rig.Uplink, chunkSize: 1024);
            tornServer.Offer(DownloadCodec.KindVoicePack, 2, PackV2);
            torn.CutPowerAt(cut);
            Assert.Throws<PowerCutException>(() => Run(rig, tornServer, () => rig.Terminal.VoicePacks.InstalledVersion == 2));

            rig = Connected(torn.Copy(seed: cut + 1));
            Assert.InRange(rig.Terminal.VoicePacks.InstalledVersion, 1u, 2u);
            AssertClips(rig, rig.Terminal.VoicePacks.InstalledVersion == 2 ? 400 : 100);
            tornServer = new ImageServer(rig.Uplink, chunkSize: 1024);
            tornServer.Offer(DownloadCodec.KindVoicePack, 2, PackV2);
            Run(rig, tornServer, () => rig.Terminal.VoicePacks.InstalledVersion == 2);
            AssertClips(rig, 400);
        }
    }

    [Fact]
    public void ACorruptPackWithTheRightAnnouncedCrc_IsRefused_AndNotFetchedAgainAtOnce()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        var bad = TestPacks.Build(2, p => 400 + p);
        bad[^10] ^= 0x01; // damaged before the gateway took it: only the pack's own CRC can tell
        server.Offer(DownloadCodec.KindVoicePack, 2, bad);
        Run(rig, server, () => rig.Terminal.Downloads.Failures == 1);
        Assert.Equal(1u, rig.Terminal.VoicePacks.InstalledVersion);
        int fetches = server.Fetches.Count;
        Run(rig, server, () => false, ticks: 100);
        Assert.Equal(fetches, server.Fetches.Count);
    }

    [Fact]
    public void TheRosterAndConfig_GoBeforeTheVoicePack()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindVoicePack, 2, PackV2);
        server.Offer(DownloadCodec.KindRoster, 2, MealTerminal.Core.Roster.RosterWriter.Build(TerminalRig.Elders(30), 2, 1));
        Run(rig, server, () => rig.Terminal.VoicePacks.InstalledVersion == 2);
        Assert.Equal(DownloadCodec.KindRoster, server.Fetches[0].Kind);
        Assert.Equal(DownloadCodec.KindVoicePack, server.Fetches[^1].Kind);
    }

    private static void AssertClips(TerminalRig rig, int baseLength)
    {
        for (int p = 1; p < Phrase.Count; p++)
        {
            Assert.True(rig.Terminal.VoicePacks.TryFindClip(p, out int address, out int length));
            Assert.Equal(baseLength + p, length);
            var clip = new byte[length];
            rig.Flash.Read(address, clip, 0, length);
            Assert.All(clip, b => Assert.Equal(TestPacks.Sample(p), b));
        }
    }

    private static TerminalRig Connected(Fakes.EmulatedNorFlash? flash = null)
    {
        var rig = new TerminalRig(flash: flash, voiceSectorsPerSlot: 8);
        if (rig.Terminal.VoicePacks.InstalledVersion == 0)
        {
            Assert.True(rig.Terminal.VoicePacks.Install(TestPacks.Build(1)));
            rig.Reboot();
        }

        rig.Uplink.IsConnected = true;
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        return rig;
    }

    private static void Run(TerminalRig rig, ImageServer server, Func<bool> done, int ticks = 20_000)
    {
        for (int i = 0; i < ticks && !done(); i++)
        {
            rig.Terminal.Tick();
            server.Serve();
            rig.Clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        if (ticks == 20_000)
        {
            Assert.True(done(), "the download did not finish");
        }
    }
}
