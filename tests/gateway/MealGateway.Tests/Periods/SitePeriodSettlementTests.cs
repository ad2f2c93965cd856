using MealGateway.Settlement;
using MealGateway.Storage;
using MealGateway.Tests.Settlement;
using static MealGateway.Tests.Periods.PeriodRig;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Periods;

/// <summary>
/// Issue 13 item 9: a terminal records a period as an index into its configuration's periods;
/// the gateway must read it against that configuration, by version, and settle by period name.
/// </summary>
public sealed class SitePeriodSettlementTests : IDisposable
{
    private readonly MonthRig rig = new(FourPeriodPolicy);

    public void Dispose() => rig.Dispose();

    [Fact]
    public void ASiteWithLunchAndDinner_SettlesLunchAs午餐_AtThePolicysLunchPrice()
    {
        long version = SetConfig(rig, "S01", "餐别 = 午餐 11:00-13:30 1\n餐别 = 晚餐 17:00-19:30 1\n");
        rig.Upload("S01", "T01", Marker(version, "2026-11-02", 9), MealAt(1, "2026-11-02", 12, periodIndex: 0), MealAt(2, "2026-11-02", 18, periodIndex: 1));

        var report = Settler(rig).Settle("2026-11");

        Assert.Empty(report.Problems);
        var rows = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-11")!.Rows;
        Assert.Equal([("午餐", 1, 1_500L, 200L), ("晚餐", 1, 1_200L, 150L)], rows.Select(r => (r.PeriodName, r.Meals, r.PriceFen, r.SubsidyFen)));
    }

    [Fact]
    public void ASiteWithFourPeriods_Settles_EachPeriodAtItsOwnPrice()
    {
        long version = SetConfig(rig, "S01", "餐别 = 早餐 06:30-08:30 1\n餐别 = 午餐 11:00-13:30 1\n餐别 = 间餐 14:30-15:30 1\n餐别 = 晚餐 17:00-19:30 1\n");
        rig.Upload("S01", "T01", Marker(version, "2026-11-02", 6), MealAt(1, "2026-11-02", 7, 0), MealAt(1, "2026-11-02", 12, 1),
            MealAt(1, "2026-11-02", 15, 2), MealAt(1, "2026-11-02", 18, 3));

        var report = Settler(rig).Settle("2026-11");

        Assert.Empty(report.Problems);
        var statement = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-11")!;
        Assert.Equal(["早餐", "午餐", "晚餐", "间餐"], statement.Rows.Select(r => r.PeriodName));
        Assert.Equal(600 + 1_500 + 1_200 + 500, statement.Totals.PriceFen);
        Assert.Equal(statement.Totals.SubsidyFen, statement.Elders.Sum(e => e.SubsidyFen));
    }

    [Fact]
    public void ABacklogThatSpansAConfigSwitch_IsReadAndPlacedPerVersion()
    {
        // Version 1 moves lunch to 10:00-13:30 and drops breakfast: 午餐 becomes index 0.
        long version = SetConfig(rig, "S01", "餐别 = 午餐 10:00-13:30 1\n餐别 = 晚餐 17:00-19:30 1\n");
        rig.Upload("S01", "T01",
            MealAt(1, "2026-11-02", 12, periodIndex: 1),          // defaults: index 1 is 午餐
            Clockless(3, bootMilliseconds: 30 * 60_000, boot: 2),  // boot 2 starts 11-03 10:00: 10:30, defaults: no period
            ClocklessMarker(version, 40 * 60_000, boot: 2),        // the switch, before the clock is set
            Clockless(4, bootMilliseconds: 45 * 60_000, boot: 2),  // 10:45, version 1: 午餐
            Anchor("2026-11-03", 11, secondsSinceBoot: 3_600, boot: 2),
            MealAt(2, "2026-11-03", 18, periodIndex: 1));         // version 1: index 1 is 晚餐

        var cells = rig.Store.TalliesForDay("2026-11-02").Concat(rig.Store.TalliesForDay("2026-11-03")).ToList();

        Assert.Equal([("2026-11-02", 1, 1), ("2026-11-03", 1, 1), ("2026-11-03", 2, 1)], cells.Select(c => (c.Day, c.Period, c.Meals)));
        var anomalies = rig.Store.Anomalies("S01", "2026-11");
        Assert.Equal([(AnomalyKind.PlacedOutsidePeriod, 3L)], anomalies.Select(a => (a.Kind, a.ElderId)));
    }
}
