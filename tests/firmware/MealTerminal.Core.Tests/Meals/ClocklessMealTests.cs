using MealTerminal.Core.Meals;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Meals;

/// <summary>
/// Issue 13 item 4: without a wall clock an elder may eat again once the configured gap (default
/// 3 hours) has passed since the last meal of this boot; once the clock is valid the boot's
/// clockless meals count in the real periods they fall into.
/// </summary>
public class ClocklessMealTests
{
    private static readonly byte[] Elder4 = TerminalRig.Uid(4);

    [Fact]
    public void WithoutAClock_AnElderWhoHadLunchIsServedDinnerAfterTheGap()
    {
        var rig = new TerminalRig();
        rig.Clock.MillisecondsSinceBoot = 60_000;
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder4));

        rig.Clock.MillisecondsSinceBoot = 60_000 + (180 * 60_000);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder4));
    }

    [Fact]
    public void WithoutAClock_ASecondTapWithinTheGap_IsRefused()
    {
        var rig = new TerminalRig();
        rig.Clock.MillisecondsSinceBoot = 60_000;
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder4));

        rig.Clock.MillisecondsSinceBoot = 60_000 + (179 * 60_000);
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(Elder4));
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(5)));
    }

    [Fact]
    public void WithoutAClock_TheGapComesFromTheConfiguration()
    {
        var rig = new TerminalRig();
        rig.Config.ClocklessGapMinutes = 240;
        rig.Clock.MillisecondsSinceBoot = 0;
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder4));

        rig.Clock.MillisecondsSinceBoot = 200 * 60_000;
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(Elder4));
        rig.Clock.MillisecondsSinceBoot = 240 * 60_000;
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder4));
    }

    [Fact]
    public void WithoutAClock_TheGapIsNeverShorterThanTheLongestPeriod_SoTwoMealsCannotLandInOne()
    {
        var rig = new TerminalRig();
        rig.Config.Apply(new ConfigValues
        {
            Version = 2,
            Periods = new[] { new MealPeriod("午餐", 10 * 60, 14 * 60, 1) }, // four hours long
            ClocklessGapMinutes = 180,
        });
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder4));

        rig.Clock.MillisecondsSinceBoot = 200 * 60_000;
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(Elder4));
        rig.Clock.MillisecondsSinceBoot = 241 * 60_000;
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder4));
    }

    [Fact]
    public void ClockBecomingValid_FoldsOnlyTheClocklessMealsOfTheRealPeriod()
    {
        var rig = new TerminalRig();
        rig.Clock.MillisecondsSinceBoot = 0; // boot at 07:00: a breakfast without clock
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder4));
        rig.Clock.MillisecondsSinceBoot = 4 * 3600_000 + 60_000; // 11:01: lunch without clock
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(5)));

        rig.Clock.MillisecondsSinceBoot = 5 * 3600_000;
        rig.Clock.SetLocal(2026, 11, 23, 12, 0);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder4)); // breakfast does not count against lunch
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(TerminalRig.Uid(5)));
        Assert.Equal(1, rig.Terminal.Today.MealsInPeriod(0));
        Assert.Equal(2, rig.Terminal.Today.MealsInPeriod(1));
    }

    [Fact]
    public void AfterAReboot_AnAnchoredBootsClocklessLunch_StillCounts()
    {
        var rig = new TerminalRig();
        rig.Clock.MillisecondsSinceBoot = 60_000;
        Assert.Equal(VerdictCode.Accepted, rig.Tap(Elder4));
        rig.Clock.MillisecondsSinceBoot = 600_000;
        rig.Clock.SetLocal(2026, 11, 23, 11, 40);
        rig.Terminal.Tick(); // writes the boot's clock anchor

        rig.Reboot(); // the RTC kept the time this time
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(Elder4));
    }
}
