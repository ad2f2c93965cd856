using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Meals;

/// <summary>The terminal's offline welfare check (今日常来未到) at the edges of the regulars rule: 4 of 7 service days, cut-off 14:00.</summary>
public class AbsentListTests
{
    /// <summary>Seven service days 2026-11-16..22 (elder 0 eats every day so each is one); elder 1 on four, elder 2 on three.</summary>
    private static TerminalRig RigWithAWeek(Action<RosterEntry[]>? change = null)
    {
        var rig = DeliveryRig.Create(deliveryMode: false, change: change);
        for (int day = 16; day <= 22; day++)
        {
            rig.Clock.SetLocal(2026, 11, day, 11, 30);
            rig.Tap(TerminalRig.Uid(0));
            if (day >= 19)
            {
                rig.Tap(TerminalRig.Uid(1));
            }

            if (day >= 20)
            {
                rig.Tap(TerminalRig.Uid(2));
            }
        }

        return rig;
    }

    [Fact]
    public void AnElderWhoAteOnExactlyNOfTheLastMServiceDays_IsARegular_AndOneDayFewerIsNot()
    {
        var rig = RigWithAWeek();
        rig.Clock.SetLocal(2026, 11, 23, 14, 0);

        var list = rig.Terminal.AbsentToday()!;

        Assert.True(list.Ready);
        Assert.Equal(2, list.Regulars);
        Assert.Equal(new uint[] { 5000, 5001 }, list.Absent.Take(list.Count));
    }

    [Fact]
    public void BeforeTheCutOffMinute_NoOneIsAbsentYet()
    {
        var rig = RigWithAWeek();
        rig.Clock.SetLocal(2026, 11, 23, 13, 59);

        var list = rig.Terminal.AbsentToday()!;

        Assert.False(list.Ready);
        Assert.Equal(0, list.Count);
        rig.Terminal.ShowHostReview();
        for (int i = 0; i < 4; i++)
        {
            rig.Terminal.ShowHostReview();
        }

        Assert.Equal(new[] { "今日常来未到", "常来 2人", "14:00后统计" }, new[] { rig.Feedback.Titles[^1], LastScreen(rig)[1], LastScreen(rig)[2] });
    }

    [Fact]
    public void ARegularWhoAteToday_AtTheCanteenOrAtTheDoor_IsNotAbsent()
    {
        var rig = RigWithAWeek();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        rig.Tap(TerminalRig.Uid(0));
        DeliveryRig.SetMode(rig, ConfigExtensions.TerminalModeDelivery);
        rig.Tap(DeliveryRig.CourierUid);
        rig.Tap(TerminalRig.Uid(1));
        rig.Clock.SetLocal(2026, 11, 23, 14, 30);

        var list = rig.Terminal.AbsentToday()!;

        Assert.Equal(0, list.Count);
        Assert.Equal(2, list.Regulars);
    }

    [Fact]
    public void ARegularWhoAteTodayBeforeTheClockWasValid_IsNotAbsent_OnceTheClockAnchorsTheMeal()
    {
        var rig = RigWithAWeek();
        rig.Clock.IsWallClockValid = false; // power cut overnight, the RTC battery flat
        rig.Reboot();
        rig.Clock.MillisecondsSinceBoot = 60_000;
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(1))); // lunch without a clock
        rig.Clock.MillisecondsSinceBoot = 600_000;
        rig.Clock.SetLocal(2026, 11, 23, 11, 40); // time from the gateway: the meal was at 11:31
        rig.Terminal.Tick(); // writes the boot's clock anchor
        rig.Clock.SetLocal(2026, 11, 23, 14, 0);

        var list = rig.Terminal.AbsentToday()!;

        Assert.Equal(2, list.Regulars);
        Assert.Equal(new uint[] { 5000 }, list.Absent.Take(list.Count));
    }

    [Fact]
    public void AClocklessMealOfABootWithoutAnAnchor_IsNotPlaced_AsAtTheGateway()
    {
        var rig = RigWithAWeek();
        rig.Clock.IsWallClockValid = false;
        rig.Reboot();
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(1)));
        rig.Clock.IsWallClockValid = false;
        rig.Reboot(); // the clock never came in that boot: no anchor
        rig.Clock.SetLocal(2026, 11, 23, 14, 0);

        var list = rig.Terminal.AbsentToday()!;

        Assert.Equal(new uint[] { 5000, 5001 }, list.Absent.Take(list.Count));
    }

    [Fact]
    public void ADeceasedOrSuspendedElder_LeavesTheRegularsAtOnce()
    {
        var rig = RigWithAWeek();
        var roster = TerminalRig.Elders(20);
        roster[0].Status = CardStatus.Deceased;
        roster[1].Status = CardStatus.Suspended;
        rig.Terminal.Rosters.Install(RosterWriter.Build(roster, 2, 1));
        rig.Clock.SetLocal(2026, 11, 23, 15, 0);

        var list = rig.Terminal.AbsentToday()!;

        Assert.Equal(0, list.Regulars);
        Assert.Equal(0, list.Count);
    }

    [Fact]
    public void TheHostReview_ShowsTheAbsentElders_OnItsFifthPage()
    {
        var rig = RigWithAWeek();
        rig.Clock.SetLocal(2026, 11, 23, 14, 5);
        for (int i = 0; i < 5; i++)
        {
            rig.Terminal.ShowHostReview();
        }

        Assert.Equal(new[] { "今日常来未到 2人", "5000 5001" }, LastScreen(rig).Take(2));
    }

    private static string[] LastScreen(TerminalRig rig) => rig.Feedback.Lines[^1];
}
