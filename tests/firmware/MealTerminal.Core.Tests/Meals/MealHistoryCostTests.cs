using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Meals;

/// <summary>
/// The who-ate rebuild has a bounded cost: the newest MealHistory.WindowSectors ledger sectors
/// whatever their times, then only records of the day being counted.
/// </summary>
public class MealHistoryCostTests
{
    private const int WindowBytes = (MealHistory.WindowSectors * 4096) + 256; // and the page that shows where to stop

    [Fact]
    public void RecountAfterAClockMove_ReadsNoMoreThanTheWindow_WhenOlderRecordsAreFromEarlierDays()
    {
        var chip = new EmulatedNorFlash(96);
        var rig = new TerminalRig(flash: chip);
        rig.Clock.SetLocal(2026, 11, 13, 12, 0);
        AppendMeals(rig, 12_000, firstElder: 90_000); // ten days ago, 47 sectors
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(7)));

        rig.Clock.SetLocal(2026, 11, 23, 17, 30);
        chip.ResetCounters();
        rig.Terminal.Tick();
        Assert.InRange(chip.BytesRead, 1, WindowBytes);

        rig.Clock.SetLocal(2026, 11, 23, 12, 0);
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(TerminalRig.Uid(7)));
    }

    [Fact]
    public void BusySite_ADayLongerThanTheWindow_IsCountedWholeAfterAReboot()
    {
        var rig = new TerminalRig(sectors: 96);
        rig.Clock.SetLocal(2026, 11, 23, 11, 0);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(7)));
        AppendMeals(rig, 3_000, firstElder: 90_000); // the same lunch, beyond eight sectors

        rig.Reboot();
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(TerminalRig.Uid(7)));
        Assert.Equal(3_001, rig.Terminal.Today.MealsInPeriod(1));
    }

    [Fact]
    public void ABoot_ReadsTheNewestWindowOnce_ForWhoAteAndTheDeliveryRoundTogether()
    {
        var chip = new EmulatedNorFlash(96);
        var rig = new TerminalRig(flash: chip);
        rig.Clock.SetLocal(2026, 11, 13, 12, 0);
        AppendMeals(rig, 12_000, firstElder: 90_000); // ten days ago, 47 sectors, no round marker
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(7)));

        chip.ResetCounters();
        rig.Reboot();
        long afterMount = chip.BytesRead - rig.Terminal.Ledger.BytesReadAtMount;
        Assert.InRange(afterMount, WindowBytes, (2 * MealHistory.WindowSectors * 4096) - 1); // one window and the small rest, not two windows
        Assert.False(rig.Terminal.Rounds.IsOpen);
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(TerminalRig.Uid(7)));
    }

    private static void AppendMeals(TerminalRig rig, int count, uint firstElder)
    {
        var record = new MealRecord { Verdict = VerdictCode.Accepted, Period = 1, ClockValid = true, BootCount = rig.Terminal.BootCount };
        for (int i = 0; i < count; i++)
        {
            record.ElderId = firstElder + (uint)i;
            record.Time = LocalTime.ToRecordSeconds(rig.Clock.UtcNow);
            Assert.True(rig.Terminal.Ledger.Append(record));
        }
    }
}
