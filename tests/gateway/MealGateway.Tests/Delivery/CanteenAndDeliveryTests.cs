using MealGateway.Settlement;
using MealGateway.Storage;
using MealGateway.Tests.Settlement;
using MealTerminal.Core.Meals;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Delivery;

/// <summary>Issue #17: the one-meal rule across canteen and door when two terminals could not know of each other.</summary>
public sealed class CanteenAndDeliveryTests : IDisposable
{
    private readonly MonthRig rig = new(MonthRig.PolicyText + "\ndelivery 2026-01-01 * 普通 1.00 2.00\n");

    public void Dispose() => rig.Dispose();

    [Fact]
    public void ACanteenLunchAndADeliveredLunch_InOnePeriod_HoldTheLaterForReview_WithoutItsDeliveryFee()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 11));
        rig.Upload("S01", "T09", RoundStart(8001, "2026-10-03"), Door(Meal(1, "2026-10-03", 12)), Door(Meal(2, "2026-10-03", 12)));

        rig.Settler.Settle("2026-10");

        var statement = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        var held = Assert.Single(statement.Held);
        Assert.Equal(("S01/T09/0000000002", true, HeldMeal.Pending), (held.Id, held.AtDoor, held.Status));
        Assert.Equal(2, statement.Totals.Meals);
        Assert.Equal(new Totals(1, 300, 100, 200), statement.DeliveryTotals); // elder 2's delivery only
        Assert.Equal(2, Assert.Single(statement.Rounds).Delivered);
    }

    [Fact]
    public void ADeliveryToAnElderNotRegisteredForIt_IsCounted_AndListedForReview()
    {
        rig.Upload("S01", "T09", RoundStart(8001, "2026-10-03"), Door(Meal(3, "2026-10-03", 12)) with { Unregistered = true });

        rig.Settler.Settle("2026-10");

        var statement = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        Assert.Equal(1, statement.DeliveryTotals.Meals);
        var listed = Assert.Single(statement.Anomalies, a => a.Kind == AnomalyKind.DeliveryUnregistered);
        Assert.Equal(3, listed.ElderId);
        Assert.Equal(1, Assert.Single(statement.Rounds).Unregistered);
    }

    [Fact]
    public void ADoorRecordWithoutAStartMarker_IsCounted_AndListed()
    {
        rig.Upload("S01", "T09", Door(Meal(3, "2026-10-03", 12)));

        rig.Settler.Settle("2026-10");

        var statement = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        Assert.Contains(statement.Anomalies, a => a.Kind == AnomalyKind.DeliveryWithoutRound);
        Assert.Equal(1, statement.DeliveryTotals.Meals);
    }

    private static MealGateway.Ingest.ReceivedRecord Door(MealGateway.Ingest.ReceivedRecord meal) => meal with { AtDoor = true };

    private static MealGateway.Ingest.ReceivedRecord RoundStart(uint courier, string day) =>
        Meal(courier, day, 11) with { Verdict = VerdictCode.DeliveryRound, Period = VerdictCode.RoundStart };
}
