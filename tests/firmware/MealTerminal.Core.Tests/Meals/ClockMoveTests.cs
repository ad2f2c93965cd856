using MealTerminal.Core.Meals;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Meals;

/// <summary>
/// Issue 13 item 3: the one-meal rule holds whenever the terminal's (day, period) changes - time
/// passing, the clock set forward or back, the clock becoming valid - because who-ate is rebuilt
/// from the ledger each time instead of cleared.
/// </summary>
public class ClockMoveTests
{
    private static readonly byte[] Elder7 = TerminalRig.Uid(7);

    [Fact]
    public void ClockSetBackIntoAFinishedPeriod_DoesNotServeTheElderAgain()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder7));
        rig.Clock.SetLocal(2026, 11, 23, 17, 5);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder7));

        rig.Clock.SetLocal(2026, 11, 23, 12, 0);
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(Elder7));
    }

    [Fact]
    public void ClockSetBackFromTheNextDay_StillSeesTheEarlierDaysMeals()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder7));
        rig.Clock.SetLocal(2026, 11, 24, 11, 30);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder7));

        rig.Clock.SetLocal(2026, 11, 23, 12, 0);
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(Elder7));
        Assert.Equal(1, rig.Terminal.Today.MealsInPeriod(1));
    }

    [Fact]
    public void ClockBecomingValidDuringLunch_CountsTheLunchEatenWithoutIt()
    {
        var rig = new TerminalRig();
        rig.Clock.MillisecondsSinceBoot = 60_000;
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder7));

        rig.Clock.MillisecondsSinceBoot = 600_000;
        rig.Clock.SetLocal(2026, 11, 23, 11, 40); // the boot began at 11:30; the meal was at 11:31
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(Elder7));
        Assert.Equal(1, rig.Terminal.Today.MealsInPeriod(1));
    }

    [Fact]
    public void PowerCutMidLunchWithAFlatClockBattery_DoesNotServeTheElderAgainOnceTheGatewaySetsTheTime()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder7));

        rig.Clock.IsWallClockValid = false;
        rig.Reboot();
        rig.Clock.MillisecondsSinceBoot = 120_000;
        rig.Clock.SetLocal(2026, 11, 23, 11, 50);
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(Elder7));
    }

    [Fact]
    public void RecordsWrittenWithAWrongClock_DoNotHideTodaysEarlierMealsAfterAReboot()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder7));
        rig.Clock.SetLocal(2021, 1, 1, 12, 0); // a bad time source for a moment
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(8)));
        rig.Clock.SetLocal(2026, 11, 23, 12, 10);

        rig.Reboot();
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(Elder7));
        Assert.Equal(1, rig.Terminal.Today.MealsInPeriod(1));
    }

    [Fact]
    public void TimePassingBackIntoAPeriodAfterTheClockWasSetBack_StillSeesThatPeriodsMeals()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 0);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder7));
        rig.Clock.SetLocal(2026, 11, 23, 7, 0);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder7)); // breakfast, the clock wrongly behind

        rig.Clock.Advance(TimeSpan.FromHours(4.5)); // 11:30 again by this clock
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(Elder7));
    }
}
