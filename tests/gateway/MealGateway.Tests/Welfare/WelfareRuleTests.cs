using MealGateway.Tests.Settlement;
using MealGateway.Welfare;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Welfare;

/// <summary>Issue #17: the regulars rule at its edges, county-wide at the gateway (4 of 7 service days, cut-off 14:00).</summary>
public sealed class WelfareRuleTests : IDisposable
{
    private readonly MonthRig rig = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 10, 20, 6, 0, 0, TimeSpan.Zero)); // 14:00 local

    public void Dispose() => rig.Dispose();

    /// <summary>S01 serves 10-13..19 (elder 1 every day); elder 2 eats there on 4 of them, elder 3 on 3.</summary>
    private void AWeekAtS01()
    {
        for (int d = 13; d <= 19; d++)
        {
            rig.Upload("S01", "T01", Meal(1, $"2026-10-{d}", 12));
            if (d >= 16)
            {
                rig.Upload("S01", "T01", Meal(2, $"2026-10-{d}", 12));
            }

            if (d >= 17)
            {
                rig.Upload("S01", "T01", Meal(3, $"2026-10-{d}", 12));
            }
        }
    }

    [Fact]
    public void ExactlyNOfTheLastMServiceDays_MakesARegular_OneFewerDoesNot()
    {
        AWeekAtS01();

        var list = new WelfareDesk(rig.Store, clock).Absent("2026-10-20");

        Assert.True(list.Ready);
        Assert.Equal(new long[] { 1, 2 }, list.Lines.Select(l => l.ElderId).Order());
    }

    [Fact]
    public void OneMinuteBeforeTheCutOff_TheListIsNotDrawnUp()
    {
        AWeekAtS01();
        clock.Advance(TimeSpan.FromMinutes(-1));

        var list = new WelfareDesk(rig.Store, clock).Absent("2026-10-20");

        Assert.False(list.Ready);
        Assert.Empty(list.Lines);
    }

    [Fact]
    public void ARegularWhoAteAtAnotherSite_IsNotAbsent()
    {
        AWeekAtS01();
        rig.Upload("S02", "T05", Meal(2, "2026-10-20", 12));

        var list = new WelfareDesk(rig.Store, clock).Absent("2026-10-20");

        Assert.Equal(new long[] { 1 }, list.Lines.Select(l => l.ElderId));
    }

    [Fact]
    public void ALeaveEnteredByTheSiteHost_CoversTheDay_AndIsListedWithItsReason_AfterTheRaisedOnes()
    {
        AWeekAtS01();
        var desk = new WelfareDesk(rig.Store, clock);
        Assert.Null(desk.EnterAbsence("S01", 1, "2026-10-20", "2026-10-22", "住院", "host-li"));

        var list = desk.Absent("2026-10-20");

        Assert.Equal(new (long, string?)[] { (2, null), (1, "住院") }, list.Lines.Select(l => (l.ElderId, l.KnownReason)));
    }

    [Fact]
    public void AnElderAbsentSeveralDaysInARow_IsRaisedFirst_AndAVisitIsKeptWithTheDay()
    {
        AWeekAtS01();
        rig.Upload("S01", "T01", Meal(1, "2026-10-20", 12));
        clock.Advance(TimeSpan.FromDays(1));
        var desk = new WelfareDesk(rig.Store, clock);
        Assert.Null(desk.RecordVisit("S01", "2026-10-21", 2, "电话联系，身体不适在家", "host-li"));

        var list = desk.Absent("2026-10-21");

        Assert.Equal((2L, 2), (list.Lines[0].ElderId, list.Lines[0].DaysInARow));
        Assert.Equal((1L, 1), (list.Lines[1].ElderId, list.Lines[1].DaysInARow));
        Assert.Equal(("host-li", "电话联系，身体不适在家"), (list.Lines[0].CheckedBy, list.Lines[0].Outcome));
    }

    [Fact]
    public void TheAbsentList_ShowsNamesMaskedAsTheRosterShowsThem_AndNoneWhereTheRosterHasNoName()
    {
        AWeekAtS01();
        var roster = "卡号,老人编号,类别,状态,姓名\n04A1B2C3D4E5F6,1,低保,正常,王秀英\n04A1B2C3D4E5F7,2,高龄,正常,\n";
        var image = MealGateway.Downloads.SiteFiles.Import(new MealGateway.Downloads.SiteImages(rig.Store), "roster", "S01", roster, "名册.csv",
            clock.GetUtcNow().UtcDateTime, null, out var problems);
        Assert.True(image is not null, string.Join("\n", problems));

        var list = new WelfareDesk(rig.Store, clock).Absent("2026-10-20");

        Assert.Equal(new (long, string?)[] { (1, "王＊英"), (2, null) }, list.Lines.Select(l => (l.ElderId, l.Name)).OrderBy(l => l.Item1));
    }

    [Fact]
    public void BadInput_IsRefusedWithAReason_AndNothingIsStored()
    {
        var desk = new WelfareDesk(rig.Store, clock);

        Assert.NotNull(desk.EnterAbsence("S01", 1, "2026-10-22", "2026-10-20", "请假", "host"));
        Assert.NotNull(desk.RecordVisit("S01", "2026-13-01", 1, "ok", "host"));
        Assert.NotNull(desk.RecordVisit("S01", "2026-10-20", 1, " ", "host"));
    }
}
