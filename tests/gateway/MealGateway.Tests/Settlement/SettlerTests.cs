using MealGateway.Settlement;
using MealGateway.Storage;
using MealTerminal.Core.Meals;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Settlement;

public sealed class SettlerTests : IDisposable
{
    private readonly MonthRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public void MonthlyStatement_PricesEachCellAtItsDaysRate_AndElderLinesAddUpToTheTotals()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12, ElderCategory.MinimumAllowance), Meal(2, "2026-10-03", 12), Meal(2, "2026-10-03", 7));
        rig.Upload("S01", "T01", Meal(1, "2026-10-20", 12, ElderCategory.MinimumAllowance));

        var report = rig.Settler.Settle("2026-10");

        Assert.Empty(report.Problems);
        var statement = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        Assert.Equal(1, statement.Revision);
        // 低保 lunch 10.00 before 2026-10-16 and 12.00 from it; ordinary lunch 2.00, breakfast 1.00.
        Assert.Equal(new Totals(4, (3 * 1_500) + 600, 1_000 + 1_200 + 200 + 100, 500 + 300 + 1_300 + 500), statement.Totals);
        Assert.Equal(statement.Totals.SubsidyFen, statement.Elders.Sum(e => e.SubsidyFen));
        Assert.Equal(statement.Totals.CoPaymentFen, statement.Elders.Sum(e => e.CoPaymentFen));
        var elder1 = statement.Elders.Single(e => e.ElderId == 1);
        Assert.Equal(new[] { 3, 20 }, elder1.DaysByPeriod[1]);
        Assert.Equal(3, rig.Statements.Revision(StatementKind.Daily, "S01", "2026-10-03")!.Rows.Count);
    }

    [Fact]
    public void LateRecords_MakeANewRevisionThatSaysWhatChanged_AndSettlingAgainWithoutChangeMakesNone()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12), Meal(2, "2026-10-03", 12));
        rig.Settler.Settle("2026-10");
        Assert.Empty(rig.Settler.Settle("2026-10").Revisions);

        rig.Upload("S01", "T02", Meal(3, "2026-10-03", 12), Meal(4, "2026-10-05", 12, ElderCategory.MinimumAllowance));
        var report = rig.Settler.Settle("2026-10");

        var revision = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        Assert.Equal((2, 1), (revision.Revision, revision.Supersedes));
        Assert.Equal(
            [new StatementChange("2026-10-03", 1, "午餐", 0, "普通", 2, 3, 400, 600), new StatementChange("2026-10-05", 1, "午餐", 1, "低保", 0, 1, 0, 1_000)],
            revision.Changes);
        Assert.Equal(2, rig.Statements.Revisions(StatementKind.Monthly, "S01", "2026-10").Count);
        // The monthly revision and the two changed days: each with its own outbox entry.
        Assert.Equal(3, report.Revisions.Count);
        Assert.Equal(2 + 3, rig.Statements.Pending().Count);
        Assert.Equal("GW1:monthly:S01:2026-10:r2", rig.Statements.Pending().Last(e => e.Kind == StatementKind.Monthly).IdempotencyKey);
    }

    [Fact]
    public void MealWithoutARate_RefusesThatSitesMonthNamingDayPeriodAndCategory_AndOtherSitesSettle()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 18));
        rig.Upload("S02", "T01", Meal(2, "2026-10-03", 12));

        var report = rig.Settler.Settle("2026-10");

        Assert.Equal("站点 S01 2026-10-03 晚餐 普通: 补贴政策中没有当日适用的价格或补贴标准", Assert.Single(report.Problems));
        Assert.Null(rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10"));
        Assert.NotNull(rig.Statements.Revision(StatementKind.Monthly, "S02", "2026-10"));
    }

    [Fact]
    public void MealsWithoutValidTime_AreHeldOutAsPending_UntilTheirBootsAnchorPlacesThem()
    {
        // Boot 7 began at 11:00 local: meals at 30 min and 40 min since boot are lunches.
        rig.Upload("S01", "T01", Clockless(1, 30 * 60_000, boot: 7), Clockless(2, 40 * 60_000, boot: 7));
        rig.Settler.Settle("2026-10");
        Assert.Equal(2, rig.Store.PendingRecords("S01").Count);
        Assert.Null(rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10"));

        rig.Upload("S01", "T01", Anchor("2026-10-08", 12, secondsSinceBoot: 3600, boot: 7));
        rig.Settler.Settle("2026-10");

        Assert.Empty(rig.Store.PendingRecords("S01"));
        var statement = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        var row = Assert.Single(statement.Rows);
        Assert.Equal(("2026-10-08", 1, 2), (row.Day, row.Period, row.Meals));
        var placed = rig.Store.RecordsOf("S01", "T01")[0];
        Assert.True(placed.Placed);
        Assert.Equal(LocalTime.ToRecordSeconds(new DateTime(2026, 10, 8, 3, 30, 0, DateTimeKind.Utc)), placed.Time);
    }

    [Fact]
    public void RecordsOfABootArrivingAfterItsAnchor_ArePlacedAtOnce_AndOneOutsideEveryPeriodIsFlaggedNotCounted()
    {
        // Boot 7 began at 10:00 local: 70 min since boot is lunch, 30 min is between breakfast and lunch.
        rig.Upload("S01", "T01", Anchor("2026-10-08", 12, secondsSinceBoot: 7200, boot: 7));
        rig.Upload("S01", "T01", Clockless(1, 70 * 60_000, boot: 7), Clockless(2, 30 * 60_000, boot: 7));

        Assert.Empty(rig.Store.PendingRecords());
        Assert.Equal(1, rig.Store.TalliesForDay("2026-10-08").Sum(c => c.Meals));
        var anomaly = Assert.Single(rig.Store.Anomalies("S01", "2026-10"));
        Assert.Equal((AnomalyKind.PlacedOutsidePeriod, 2L), (anomaly.Kind, anomaly.ElderId));
    }

    [Fact]
    public void Anomalies_AreListedBesideTheStatement_NeverDropped()
    {
        rig.Upload("S01", "T01",
            Meal(10, "2026-10-03", 10, verdict: VerdictCode.OutsidePeriod),
            Meal(0, "2026-10-03", 12, verdict: VerdictCode.UnknownCard) with { CardHex = "04AABBCCDD" },
            Meal(9, "2026-10-03", 12, verdict: VerdictCode.ElderDeceased),
            Meal(1, "2026-10-03", 12),
            Meal(1, "2026-10-03", 11)); // clock 1 h behind the record before it
        rig.Upload("S02", "T05", Meal(1, "2026-10-03", 12));
        rig.Upload("S01", "T02", Meal(1, "2026-10-03", 12));

        rig.Settler.Settle("2026-10");

        var kinds = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!.Anomalies.Select(a => a.Kind).Order().ToList();
        Assert.Equal(new[]
        {
            AnomalyKind.BlockedCard, AnomalyKind.ClockJump, AnomalyKind.OutsidePeriod, AnomalyKind.RepeatAtSite,
            AnomalyKind.TwoSites, AnomalyKind.UnknownCard,
        }.Order(), kinds);
        Assert.Contains(rig.Statements.Revision(StatementKind.Monthly, "S02", "2026-10")!.Anomalies, a => a.Kind == AnomalyKind.TwoSites && a.Detail.Contains("S01、S02"));
    }

    [Fact]
    public void SettleDue_SettlesOnlyFinishedDaysAndMonths_AndLateRecordsForAPastDayComeBackDue()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-30", 12), Meal(1, "2026-11-22", 12), Meal(1, "2026-11-23", 12));

        var report = rig.Settler.SettleDue(new DateOnly(2026, 11, 23));

        Assert.Equal(
            ["daily S01 2026-10-30", "daily S01 2026-11-22", "monthly S01 2026-10"],
            report.Revisions.Select(s => $"{s.Kind} {s.Site} {s.Period}").Order());
        Assert.Empty(rig.Settler.SettleDue(new DateOnly(2026, 11, 23)).Revisions);

        rig.Upload("S01", "T02", Meal(2, "2026-10-30", 12));
        Assert.Equal(["daily S01 2026-10-30 r2", "monthly S01 2026-10 r2"],
            rig.Settler.SettleDue(new DateOnly(2026, 11, 23)).Revisions.Select(s => $"{s.Kind} {s.Site} {s.Period} r{s.Revision}").Order());
    }
}
