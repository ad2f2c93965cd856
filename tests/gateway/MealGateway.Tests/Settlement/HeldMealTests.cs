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
        var held = Assert.Single(s01.Held);
        Assert.Equal(("S01/T01/0000000001", 1L, "2026-10-03", 1, HeldMeal.Pending), (held.Id, held.ElderId, held.Day, held.Period, held.Status));
        Assert.Equal((1_500L, 200L, 1_300L), (held.PriceFen, held.SubsidyFen, held.CoPaymentFen));
        Assert.Equal(new Totals(1, 1_500, 200, 1_300), s01.HeldTotals);
        Assert.Empty(s02.Held);
        Assert.Contains(s01.Anomalies, a => a.Kind == AnomalyKind.TwoSites);
    }

    [Fact]
    public void TwoTerminalsOfOneSiteAtTheSameSecond_PayTheLowerTerminalId()
    {
        rig.Upload("S01", "T02", Meal(1, "2026-10-03", 12));
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12));

        rig.Settler.Settle("2026-10");

        var statement = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        Assert.Equal(1, statement.Totals.Meals);
        Assert.Equal("S01/T02/0000000001", Assert.Single(statement.Held).Id);
        Assert.Contains(statement.Anomalies, a => a.Kind == AnomalyKind.RepeatAtSite);
    }

    [Fact]
    public void ApprovingAHeldMeal_PaysItAsAnExtraMealInTheNextRevision_WithWhoWhenAndWhy()
    {
        HoldOneLunch();
        var desk = new ReviewDesk(rig.Store, rig.Clock);

        var result = desk.Decide("S01/T01/0000000001", "approve", "老人当天在两处用餐，经核实属实", "张三");
        rig.Settler.SettleDue(new DateOnly(2026, 11, 23)); // the decision made the month due again

        Assert.Equal(ReviewOutcome.Decided, result.Outcome);
        var revision = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        Assert.Equal(2, revision.Revision);
        Assert.Equal(new Totals(1, 1_500, 200, 1_300), revision.Totals); // held in revision 1, paid now
        Assert.Equal(1, revision.Elders.Single(e => e.ElderId == 1).Meals);
        var held = Assert.Single(revision.Held);
        Assert.Equal((HeldMeal.Approved, "张三", "老人当天在两处用餐，经核实属实", rig.Clock.GetUtcNow().UtcDateTime), (held.Status, held.DecidedBy, held.Reason, held.DecidedUtc));
        Assert.Equal(Totals.Zero, revision.HeldTotals);
    }

    [Fact]
    public void RejectingAHeldMeal_KeepsItUnpaid_AndTheNextRevisionRecordsTheDecision()
    {
        HoldOneLunch();

        var result = new ReviewDesk(rig.Store, rig.Clock).Decide("S01/T01/0000000001", "reject", "重复刷卡", "李四");
        rig.Settler.SettleDue(new DateOnly(2026, 11, 23));

        Assert.Equal(ReviewOutcome.Decided, result.Outcome);
        var revision = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        Assert.Equal((2, 0), (revision.Revision, revision.Totals.Meals));
        Assert.Equal(HeldMeal.Rejected, Assert.Single(revision.Held).Status);
    }

    [Theory]
    [InlineData("S01/T01/0000000009", "approve", "核实", "张三", ReviewOutcome.UnknownId)]
    [InlineData("S02/T05/0000000001", "approve", "核实", "张三", ReviewOutcome.UnknownId)] // paid, not held
    [InlineData("S01/T01/0000000001", "maybe", "核实", "张三", ReviewOutcome.BadInput)]
    [InlineData("S01/T01/0000000001", "approve", " ", "张三", ReviewOutcome.BadInput)]
    [InlineData("S01/T01/0000000001", "approve", "核实", "", ReviewOutcome.BadInput)]
    public void ABadDecision_IsRefusedWithAReason_AndChangesNothing(string id, string decision, string reason, string by, ReviewOutcome expected)
    {
        HoldOneLunch();
        var desk = new ReviewDesk(rig.Store, rig.Clock);

        var result = desk.Decide(id, decision, reason, by);

        Assert.Equal(expected, result.Outcome);
        Assert.NotEmpty(result.Message);
        Assert.Empty(rig.Settler.SettleDue(new DateOnly(2026, 11, 23)).Revisions);
        Assert.Equal(HeldMeal.Pending, Assert.Single(desk.Held("2026-10")).Status);
    }

    [Fact]
    public void ADecisionAlreadyMade_IsNotMadeAgain()
    {
        HoldOneLunch();
        var desk = new ReviewDesk(rig.Store, rig.Clock);
        desk.Decide("S01/T01/0000000001", "reject", "重复刷卡", "李四");

        var again = desk.Decide("S01/T01/0000000001", "approve", "改主意", "张三");

        Assert.Equal(ReviewOutcome.AlreadyDecided, again.Outcome);
        Assert.Equal((HeldMeal.Rejected, "李四"), (desk.Held("2026-10")[0].Status, desk.Held("2026-10")[0].DecidedBy));
    }

    [Fact]
    public void TheCountyReceivesOnlyWhatIsPayable_NotTheHeldMeals()
    {
        HoldOneLunch();

        var entry = rig.Statements.Pending().Single(e => e.Kind == StatementKind.Monthly && e.Site == "S01");
        string json = rig.Statements.JsonOf(entry);

        Assert.DoesNotContain("\"held", json);
        Assert.Contains("\"totals\":{\"meals\":0", json);
        Assert.Contains("\"held\":[{", StatementJson.Write(rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!));
    }

    /// <summary>Elder 1's lunch at S02 (11:00) is paid; the later one at S01 (12:00) is held; settled once.</summary>
    private void HoldOneLunch()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12));
        rig.Upload("S02", "T05", Meal(1, "2026-10-03", 11));
        rig.Settler.Settle("2026-10");
        Assert.Single(rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!.Held);
    }
}
