using MealTerminal.Core.SelfTest;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Sync;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Sync;

/// <summary>
/// Roster and config download over the protocol: offers, chunked fetches, resume after a reboot or a
/// power cut, corrupted chunks, a version change mid-download, and the atomic switch.
/// </summary>
public class DownloadTests
{
    private static readonly byte[] RosterV2 = RosterWriter.Build(TerminalRig.Elders(1000), 2, 1); // 24,032 bytes: 6 sectors

    [Fact]
    public void ANewerRoster_IsFetchedInChunks_AndSwitchedToWhole()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        Assert.Equal(VerdictCode.UnknownCard, rig.Tap(TerminalRig.Uid(700)));

        server.Offer(DownloadCodec.KindRoster, 2, RosterV2);
        Run(rig, server, () => rig.Terminal.Rosters.ActiveVersion == 2);

        Assert.Equal(1, rig.Terminal.Downloads.Installs);
        Assert.Equal((RosterV2.Length + 1023) / 1024, server.Fetches.Count);
        Assert.All(server.Fetches, f => Assert.True(f.Offset / 4096 == (f.Offset + f.Length - 1) / 4096, "a chunk straddles a sector"));
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(700)));
        rig.Reboot();
        Assert.Equal(2u, rig.Terminal.Rosters.ActiveVersion);
    }

    [Fact]
    public void AnOfferNotNewerThanTheInstalledRoster_FetchesNothing()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindRoster, 1, RosterWriter.Build(TerminalRig.Elders(5), 1, 1));
        Run(rig, server, () => false, ticks: 50);
        Assert.Empty(server.Fetches);
    }

    [Fact]
    public void ARebootMidDownload_ResumesFromTheLastWholeSector()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindRoster, 2, RosterV2);
        Run(rig, server, () => server.Fetches.Count == 14); // 3 whole sectors and half of the fourth
        Assert.InRange(rig.Terminal.Downloads.BytesDone, 13 * 1024, 14 * 1024);

        rig.Reboot();
        Assert.Equal(1u, rig.Terminal.Rosters.ActiveVersion); // nothing switched yet
        server.Offer(DownloadCodec.KindRoster, 2, RosterV2); // the retained offer again, on reconnect
        int before = server.Fetches.Count;
        Run(rig, server, () => rig.Terminal.Rosters.ActiveVersion == 2);

        Assert.Equal(1, rig.Terminal.Downloads.Resumes);
        Assert.Equal(3 * 4096, server.Fetches[before].Offset);
        Assert.Equal(RosterV2.Length - (3 * 4096), server.Fetches.Skip(before).Sum(f => f.Length));
        AssertRoster(rig, 1000);
    }

    [Fact]
    public void APowerCutAtAnyFlashWriteOfADownload_LeavesTheOldRosterWorking_AndTheDownloadCompletesAfterwards()
    {
        var probe = Connected(new EmulatedNorFlash(128));
        var chip = (EmulatedNorFlash)probe.Flash;
        var baseline = chip.Copy();
        chip.ResetCounters();
        var server = new ImageServer(probe.Uplink, chunkSize: 512);
        server.Offer(DownloadCodec.KindRoster, 2, RosterV2);
        Run(probe, server, () => probe.Terminal.Rosters.ActiveVersion == 2);
        int operations = chip.Mutations;
        Assert.True(operations > 100, $"only {operations} flash operations");

        for (int cut = 1; cut <= operations; cut += 3)
        {
            var torn = baseline.Copy(seed: cut);
            var rig = Connected(torn);
            var tornServer = new ImageServer(rig.Uplink, chunkSize: 512);
            tornServer.Offer(DownloadCodec.KindRoster, 2, RosterV2);
            torn.CutPowerAt(cut);
            Assert.Throws<PowerCutException>(() => Run(rig, tornServer, () => rig.Terminal.Rosters.ActiveVersion == 2));

            rig = Connected(torn.Copy(seed: cut + 1)); // power back: the chip as the cut left it
            Assert.InRange(rig.Terminal.Rosters.ActiveVersion, 1u, 2u);
            AssertRoster(rig, rig.Terminal.Rosters.ActiveVersion == 2 ? 1000 : 20);
            tornServer = new ImageServer(rig.Uplink, chunkSize: 512);
            tornServer.Offer(DownloadCodec.KindRoster, 2, RosterV2);
            Run(rig, tornServer, () => rig.Terminal.Rosters.ActiveVersion == 2);
            AssertRoster(rig, 1000);
        }
    }

    [Fact]
    public void ACorruptedChunk_IsRefusedAndFetchedAgain()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink) { CorruptAnswer = 3 };
        server.Offer(DownloadCodec.KindRoster, 2, RosterV2);
        Run(rig, server, () => rig.Terminal.Rosters.ActiveVersion == 2);

        Assert.Equal(1, rig.Terminal.Downloads.MessagesRefused);
        Assert.Equal(server.Fetches[3], server.Fetches[4]); // the same chunk asked for again
        AssertRoster(rig, 1000);
    }

    [Fact]
    public void AnImageThatDoesNotMatchTheAnnouncedCrc_IsNotSwitchedTo()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindRoster, 2, RosterV2, announcedCrc: 0x12345678);
        Run(rig, server, () => rig.Terminal.Downloads.Failures == 1);

        Assert.Equal(1u, rig.Terminal.Rosters.ActiveVersion);
        AssertRoster(rig, 20);
        Run(rig, server, () => false, ticks: 100); // no fetch loop right after a failure
        Assert.Equal((RosterV2.Length + 1023) / 1024, server.Fetches.Count);
    }

    [Fact]
    public void ANewVersionOfferedMidDownload_ReplacesTheOneInProgress()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindRoster, 2, RosterV2);
        Run(rig, server, () => server.Fetches.Count == 9);

        var v3 = RosterWriter.Build(TerminalRig.Elders(1200), 3, 1);
        server.Offer(DownloadCodec.KindRoster, 3, v3);
        Run(rig, server, () => rig.Terminal.Rosters.ActiveVersion == 3);

        Assert.Equal(0, server.Fetches.First(f => f.Version == 3).Offset);
        AssertRoster(rig, 1200);
    }

    [Fact]
    public void AVersionTheGatewayNoLongerHas_StopsTheDownloadUntilTheNextOffer()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindRoster, 2, RosterV2);
        Run(rig, server, () => server.Fetches.Count == 2);
        server.Offer(DownloadCodec.KindRoster, 3, RosterWriter.Build(TerminalRig.Elders(30), 3, 1));
        rig.Uplink.Published.Clear(); // drop any fetch already out; the next ones meet version 3 at the server
        Run(rig, server, () => rig.Terminal.Rosters.ActiveVersion == 3);
        AssertRoster(rig, 30);
    }

    [Fact]
    public void ANewConfig_IsFetched_Applied_AndKeptAcrossReboots()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        var values = Lunch(version: 5, start: 10 * 60, end: 14 * 60);
        server.Offer(DownloadCodec.KindConfig, 5, Image(values));
        Run(rig, server, () => rig.Terminal.Config.ConfigVersion == 5);

        Assert.Equal(10 * 60, rig.Terminal.Config.Periods[1].StartMinute);
        Assert.Equal("请付 2.00 元", rig.Terminal.Config.Prices.PayText(1, 0));
        rig.Clock.SetLocal(2026, 11, 23, 13, 45); // lunch only under the new config
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(3)));

        rig.Reboot();
        Assert.Equal(5u, rig.Terminal.Config.ConfigVersion);
        Assert.Equal(14 * 60, rig.Terminal.Config.Periods[1].EndMinute);
    }

    [Fact]
    public void AConfigThatBreaksARule_IsNotApplied()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        var image = Image(Lunch(version: 6, start: 10 * 60, end: 14 * 60));
        image[7] = 20; // storage warning at 20 %: outside 50..99
        LittleEndian.WriteUInt32(image, image.Length - 4, Crc32.Compute(image, 0, image.Length - 4));
        server.Offer(DownloadCodec.KindConfig, 6, image);
        Run(rig, server, () => rig.Terminal.Downloads.Failures == 1);

        Assert.Equal(0u, rig.Terminal.Config.ConfigVersion);
        Assert.Equal(11 * 60, rig.Terminal.Config.Periods[1].StartMinute);
    }

    [Fact]
    public void WhenBothAreOffered_TheConfigComesFirst()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindRoster, 2, RosterV2);
        server.Offer(DownloadCodec.KindConfig, 5, Image(Lunch(5, 600, 840)));
        Run(rig, server, () => rig.Terminal.Rosters.ActiveVersion == 2);
        Assert.Equal(DownloadCodec.KindConfig, server.Fetches[0].Kind);
        Assert.Equal(5u, rig.Terminal.Config.ConfigVersion);
    }

    [Fact]
    public void ARosterCutShortByAReboot_GoesOnBeforeANewConfig_SoItsProgressIsKept()
    {
        var rig = Connected();
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindRoster, 2, RosterV2);
        Run(rig, server, () => server.Fetches.Count == 10);
        rig.Reboot();
        server.Offer(DownloadCodec.KindConfig, 5, Image(Lunch(5, 600, 840)));
        server.Offer(DownloadCodec.KindRoster, 2, RosterV2);
        int before = server.Fetches.Count;
        Run(rig, server, () => rig.Terminal.Rosters.ActiveVersion == 2 && rig.Terminal.Config.ConfigVersion == 5);

        Assert.Equal(1, rig.Terminal.Downloads.Resumes);
        Assert.Equal((DownloadCodec.KindRoster, 2 * 4096), (server.Fetches[before].Kind, server.Fetches[before].Offset));
    }

    private static TerminalRig Connected(IFlash? flash = null)
    {
        var rig = new TerminalRig(flash: flash);
        rig.Uplink.IsConnected = true;
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        return rig;
    }

    /// <summary>Ticks the terminal and lets the server answer until done says so (or the tick budget runs out).</summary>
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

    private static void AssertRoster(TerminalRig rig, int elders)
    {
        var entry = new RosterEntry();
        var rosters = rig.Terminal.Rosters;
        Assert.Equal(elders, rosters.Active.EntryCount);
        Assert.All(TerminalRig.Elders(elders), e => Assert.True(rosters.Active.TryFind(e.CardKey, 0, entry) && entry.ElderId == e.ElderId));
    }

    private static ConfigValues Lunch(uint version, int start, int end)
    {
        var price = new int[3 * ElderCategory.Count];
        var subsidy = new int[price.Length];
        Array.Fill(price, 1000);
        Array.Fill(subsidy, 800);
        return new ConfigValues
        {
            Version = version,
            Periods = [new MealPeriod("早餐", 390, 510, 1), new MealPeriod("午餐", start, end, 1), new MealPeriod("晚餐", 1020, 1170, 1)],
            PriceFen = price,
            SubsidyFen = subsidy,
        };
    }

    private static byte[] Image(ConfigValues values)
    {
        var buffer = new byte[ConfigImage.MaxSize];
        int length = ConfigImage.Encode(buffer, values, out string? problem);
        Assert.Null(problem);
        return buffer[..length];
    }
}
