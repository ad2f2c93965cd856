using MealGateway.Settlement;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Settlement;

/// <summary>
/// Issue #13 item 1: settlement racing ingest and other settles. Each interleaving is injected at
/// the settler's stage seam, so the tests are deterministic, not timed.
/// </summary>
public sealed class SettleRaceTests : IDisposable
{
    private readonly MonthRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public void AMealStoredWhileASettleWrites_KeepsItsMonthDue_AndTheNextDueRunSettlesIt()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12));
        var settler = Interleaved("write", () => rig.Upload("S01", "T02", Meal(2, "2026-10-03", 12)));

        settler.Settle("2026-10");
        rig.Settler.SettleDue(new DateOnly(2026, 11, 23));

        // Before the fix the settle deleted the marks the late batch had set: the meal never reached a statement.
        var latest = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        Assert.Equal(2, latest.Totals.Meals);
        AssertAgreesWithTallies("S01", "2026-10");
        Assert.Equal(2, rig.Statements.Revision(StatementKind.Daily, "S01", "2026-10-03")!.Totals.Meals);
    }

    [Fact]
    public void AMealStoredBetweenASettlesReads_NeverMakesElderLinesDisagreeWithTotals()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12));
        var settler = Interleaved("read", () => rig.Upload("S01", "T02", Meal(2, "2026-10-03", 12)));

        settler.Settle("2026-10");

        // Before the fix the elder cells were read before the tallies: totals said 2 meals, elder lines 1.
        var first = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        Assert.Equal(first.Totals.Meals, first.Elders.Sum(e => e.Meals));
        Assert.Equal(first.Totals.SubsidyFen, first.Elders.Sum(e => e.SubsidyFen));
        rig.Settler.SettleDue(new DateOnly(2026, 11, 23));
        AssertAgreesWithTallies("S01", "2026-10");
    }

    [Fact]
    public void ASettleWhoseSnapshotIsOlderThanTheLatestRevision_DoesNotWriteItAsTheNewest()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12));
        var settler = Interleaved("write", () =>
        {
            rig.Upload("S01", "T02", Meal(2, "2026-10-03", 12));
            rig.Settler.Settle("2026-10"); // a manual settle beside the timer's, finishing first
        });

        settler.Settle("2026-10");

        // Before the fix the slower settle wrote its older snapshot (1 meal) as revision 2.
        var revisions = rig.Statements.Revisions(StatementKind.Monthly, "S01", "2026-10");
        Assert.Equal(2, revisions[^1].Totals.Meals);
        Assert.Equal(revisions.Select(r => r.Totals.Meals).Order(), revisions.Select(r => r.Totals.Meals));
        AssertAgreesWithTallies("S01", "2026-10");
    }

    /// <summary>A settler that runs <paramref name="work"/> once, the first time it reaches <paramref name="stage"/>.</summary>
    private Settler Interleaved(string stage, Action work)
    {
        bool done = false;
        return new Settler(rig.Store, rig.Builder, "GW1", rig.Clock)
        {
            AtStage = at =>
            {
                if (at == stage && !done)
                {
                    done = true;
                    work();
                }
            },
        };
    }

    private void AssertAgreesWithTallies(string site, string month)
    {
        var latest = rig.Statements.Revision(StatementKind.Monthly, site, month)!;
        int tallied = Enumerable.Range(1, 31).Sum(day => rig.Store.TalliesForDay($"{month}-{day:D2}").Where(c => c.Site == site).Sum(c => c.Meals));
        Assert.Equal(tallied, latest.Totals.Meals);
        Assert.Equal(latest.Totals.Meals, latest.Elders.Sum(e => e.Meals));
        Assert.Equal(latest.Totals.SubsidyFen, latest.Elders.Sum(e => e.SubsidyFen));
        Assert.Equal(latest.Totals.CoPaymentFen, latest.Elders.Sum(e => e.CoPaymentFen));
    }
}
