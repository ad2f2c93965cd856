using MealGateway.Downloads;
using MealGateway.Ingest;
using MealGateway.Tests.Delivery;
using MealGateway.Tests.Settlement;
using MealGateway.Welfare;
using MealTerminal.Core;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Simulator.Adapters;

namespace MealGateway.Tests.Welfare;

/// <summary>
/// Issue #17 acceptance: the terminal's offline 今日常来未到 equals the gateway's list for a
/// single-site county, also when the day's lunch was served before the clock was valid (a power cut
/// overnight, the clock from the gateway only after lunch): both place those meals by the boot's
/// clock anchor.
/// </summary>
public sealed class OfflineAbsentListTests : IDisposable
{
    private readonly MonthRig rig = new();

    public void Dispose() => rig.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheTerminalsOwnAbsentList_EqualsTheGateways_ForASingleSiteCounty(int seed)
    {
        var random = new Random(seed);
        var flash = new RamFlash(128, 4096, 256);
        var clock = new SimulatedClock();
        var reader = new ScriptedCardReader();
        var uplink = new CapturingUplink();
        var config = new TerminalConfig("S01", "T01", TerminalConfig.DefaultPeriods());
        var entries = Enumerable.Range(0, 12).Select(i => Entry(i, i == 11 ? CardStatus.Deceased : CardStatus.Active)).ToArray();
        Terminal Boot() { var t = new Terminal(config, new FlashLayout(flash, 2000), flash, reader, clock, new TextFeedback(), uplink); t.Boot(); return t; }
        var terminal = Boot();
        terminal.Rosters.Install(RosterWriter.Build(entries, 1, 1));
        terminal = Boot();
        int clocklessMeals = 0;
        for (int day = 10; day <= 20; day++)
        {
            clock.MoveTo(new DateTime(2026, 10, day, 3, 30, 0, DateTimeKind.Utc)); // 11:30 local
            if (day % 7 == 4)
            {
                continue; // a day the site does not serve
            }

            if (day == 20)
            {
                clock.PowerCycle(keepWallClock: false); // today's lunch is served without a clock
                terminal = Boot();
                clocklessMeals = terminal.Ledger.PendingCount;
            }

            for (int elder = 0; elder < 12; elder++)
            {
                if (random.Next(100) < (elder < 6 ? 80 : 40))
                {
                    reader.Present(Uid(elder));
                    terminal.Tick();
                    clock.Advance(TimeSpan.FromSeconds(5));
                }
            }
        }

        clocklessMeals = terminal.Ledger.PendingCount - clocklessMeals;
        clock.MoveTo(new DateTime(2026, 10, 20, 4, 0, 0, DateTimeKind.Utc)); // the clock from the gateway at 12:00
        terminal.Tick(); // the boot's clock anchor
        clock.MoveTo(new DateTime(2026, 10, 20, 6, 0, 0, DateTimeKind.Utc)); // 14:00 local on the 20th
        var offline = terminal.AbsentToday()!;
        uplink.IsConnected = true;
        terminal.Tick();
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(Assert.Single(uplink.Batches), "T01", out var batch));
        rig.Store.StoreBatch("S01", batch!, rig.Clock.GetUtcNow().UtcDateTime);
        new SiteImages(rig.Store).ImportRoster("S01", entries, "roster.csv", rig.Clock.GetUtcNow().UtcDateTime);

        var gateway = new WelfareDesk(rig.Store, new ManualClock(new DateTimeOffset(2026, 10, 20, 6, 0, 0, TimeSpan.Zero))).Absent("2026-10-20");

        Assert.True(offline.Ready && gateway.Ready);
        Assert.NotEqual(0, offline.Count);
        Assert.True(clocklessMeals > 0 && offline.Count < offline.Regulars, "some regulars ate today, all without a clock");
        Assert.Equal(gateway.Lines.Select(l => (long)l.ElderId).Order(), offline.Absent.Take(offline.Count).Select(e => (long)e));
    }

    private static RosterEntry Entry(int i, CardStatus status)
    {
        var uid = Uid(i);
        var e = new RosterEntry { ElderId = (uint)(100 + i), Status = status, ValidToDay = RosterFormat.NoUpperBound };
        CardKey.FromUid(uid, uid.Length, e.CardKey, 0);
        return e;
    }

    private static byte[] Uid(int i) => [0x04, 0x21, 0x00, (byte)i, 0x22, 0x33, 0x80];
}
