using MealGateway.Settlement;
using MealGateway.Storage;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Settlement;

/// <summary>
/// Issue #13 item 5: a meal beyond an elder's limit in one (day, period), at a second site or a
/// second terminal, was flagged and paid. Now the first by placed time is paid and the others are
/// held for an operator's decision.
/// </summary>
public sealed class HeldMealTests : IDisposable
{
    private readonly MonthRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public void ASecondLunchAtAnotherSite_IsHeldOutOfThePayableTotals_AndTheFirstByPlacedTimeIsPaid()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12), Meal(2, "2026-10-03", 12));
        rig.Upload("S02", "T05", Meal(1, "2026-10-03", 11)); // the same elder's lunch, an hour earlier elsewhere

        rig.Settler.Settle("2026-10");

        var s01 = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        var s02 = rig.Statements.Revision(StatementKind.Monthly, "S02", "2026-10")!;
        Assert.Equal(new Totals(1, 1_500, 200, 1_300), s01.Totals); // elder 2 only
        Assert.Equal(new Totals(1, 1_500, 200, 1_300), s02.Totals);
        Assert.Equal(s01.Totals.Meals, s01.Elders.Sum(e => e.Meals));
        Assert.DoesNotContain(s01.Elders, e => e.ElderId == 1);
        Assert.Equal(1, rig.Statements.Revision(StatementKind.Daily, "S01", "2026-10-03")!.Totals.Meals);
        Assert.Contains(s01.Anomalies, a => a.Kind == AnomalyKind.TwoSites);
    }

}
