using MealGateway.Storage;
using MealGateway.Tests.Settlement;
using MealTerminal.Core.Meals;
using static MealGateway.Tests.Periods.PeriodRig;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Storage;

/// <summary>
/// Issue 13 item 10: records no terminal makes are stored and acknowledged (a refused batch would
/// be sent forever and block the records behind it) but never tallied: each is listed as an
/// anomaly naming why.
/// </summary>
public sealed class ImpossibleRecordTests : IDisposable
{
    private const string Day = "2026-11-02";
    private readonly MonthRig rig = new(FourPeriodPolicy);

    public void Dispose() => rig.Dispose();

    [Fact]
    public void AnElderIdBeyond24Bits_IsAcknowledgedButNotTallied_AndListed()
    {
        AssertHeldWith(AnomalyKind.ElderIdOutOfRange, Meal(0x0100_0000, Day, 12));
    }

    [Theory]
    [InlineData(16)] // 0 is the delivery round marker since issue 17
    [InlineData(VerdictCode.TapAgain)]
    [InlineData(VerdictCode.StorageFull)]
    [InlineData(15)]
    [InlineData(200)]
    public void AVerdictCodeNoTerminalRecords_IsAcknowledgedButNotTallied_AndListed(int verdict)
    {
        AssertHeldWith(AnomalyKind.UnknownVerdict, Meal(7, Day, 12, verdict: verdict));
    }

    [Theory]
    [InlineData(3)]   // the defaults have three periods
    [InlineData(0x0E)] // the no-clock period on a record with a valid clock
    [InlineData(0x0F)] // no period, on a meal
    public void AMealPeriodBeyondTheConfigurationInForce_IsAcknowledgedButNotTallied_AndListed(int period)
    {
        AssertHeldWith(AnomalyKind.UnknownPeriod, MealAt(7, Day, 12, period));
    }

    [Fact]
    public void APeriodIndexValidOnlyUnderAnotherVersion_IsHeld()
    {
        long version = SetConfig(rig, "S01", "餐别 = 午餐 11:00-13:30 1\n餐别 = 晚餐 17:00-19:30 1\n");
        rig.Upload("S01", "T01", Marker(version, Day, 9));
        AssertHeldWith(AnomalyKind.UnknownPeriod, MealAt(7, Day, 12, periodIndex: 2));
    }

    [Fact]
    public void RecordsAfterAMarkerForAVersionTheGatewayNeverIssued_AreHeld()
    {
        rig.Upload("S01", "T01", Marker(42, Day, 9));
        AssertHeldWith(AnomalyKind.UnknownConfig, Meal(7, Day, 12));
    }

    [Theory]
    [InlineData("2029-11-02")] // years ahead of the gateway's 2026-11-23
    [InlineData("2026-11-25")] // two days ahead
    [InlineData("2024-06-01")] // before the first deployment
    [InlineData("2020-01-01")] // a terminal clock reset to the record epoch
    public void AMealDatedFarFromTheGatewaysClock_IsAcknowledgedButNotTallied_AndListedWithoutADay(string day)
    {
        AssertHeldWith(AnomalyKind.ImplausibleTime, Meal(7, day, 12));
        Assert.Empty(rig.Store.TalliesForDay(day));
    }

    [Fact]
    public void AClocklessMealPlacedYearsAhead_ByAWrongAnchor_IsHeld()
    {
        AssertHeldWith(AnomalyKind.ImplausibleTime, Clockless(7, 60_000, boot: 3), Anchor("2030-01-01", 12, 120, boot: 3));
    }

    [Fact]
    public void AMealAnHourAhead_IsStillTallied_WithItsClockJumpFlag()
    {
        var ahead = rig.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        var meal = Meal(7, Day, 12) with { Time = MealTerminal.Core.Meals.LocalTime.ToRecordSeconds(ahead) };
        rig.Upload("S01", "T01", meal);

        Assert.Equal(1, rig.Store.TalliesForDay(ahead.AddHours(8).ToString("yyyy-MM-dd")).Sum(c => c.Meals) + rig.Store.TalliesForDay(Day).Sum(c => c.Meals));
    }

    private void AssertHeldWith(string kind, params global::MealGateway.Ingest.ReceivedRecord[] records)
    {
        long before = rig.Store.AcknowledgedOf("S01", "T01");
        long acknowledged = rig.Upload("S01", "T01", records);

        Assert.Equal(before + records.Length, acknowledged);
        Assert.Equal(0, rig.Store.TalliesForDay(Day).Sum(c => c.Meals));
        var anomaly = Assert.Single(rig.Store.Anomalies("S01", "2026-11"), a => a.Kind == kind);
        Assert.Contains("未计入统计", anomaly.Detail);
    }
}
