using MealGateway.Ingest;
using MealGateway.Settlement;
using MealGateway.Storage;
using MealGateway.Tests.Settlement;
using MealTerminal.Core;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Simulator.Adapters;

namespace MealGateway.Tests.Delivery;

/// <summary>Issue #17 acceptance: a delivery round offline, cut by a power loss, uploaded later and priced by the policy in force.</summary>
public sealed class DeliveryRoundUploadTests : IDisposable
{
    /// <summary>MonthRig's lunch (15.00, 普通 2.00 + 13.00) plus a delivery fee for 普通: 3.00 (1.00 + 2.00), from 2026-10-16 4.00 (2.00 + 2.00).</summary>
    private const string PolicyWithDelivery = MonthRig.PolicyText + """

        delivery 2026-01-01  *  普通  1.00  2.00
        delivery 2026-10-16  *  普通  2.00  2.00
        """;

    private static readonly byte[] CourierUid = { 0x04, 0x55, 0x55, 0x55, 0x01, 0x02, 0x03 };
    private readonly MonthRig rig = new(PolicyWithDelivery);
    private readonly RamFlash flash = new(128, 4096, 256);
    private readonly SimulatedClock clock = new();
    private readonly ScriptedCardReader reader = new();
    private readonly CapturingUplink uplink = new();
    private readonly TerminalConfig config = new("S01", "T09", TerminalConfig.DefaultPeriods());
    private Terminal terminal = null!;

    public void Dispose() => rig.Dispose();

    [Fact]
    public void ARoundCutByAPowerLoss_UploadedLater_IsStoredAsOneRound_AndPricedByTheDeliveryFeeInForce()
    {
        Provision();
        clock.MoveTo(Local(2026, 10, 20, 11, 10));
        Tap(CourierUid);
        Tap(Uid(1));
        Tap(Uid(2));

        clock.PowerCycle(keepWallClock: false); // the battery pack runs out; no clock after it
        Boot();
        Assert.True(terminal.Rounds.IsOpen);
        Tap(Uid(3));
        clock.Advance(TimeSpan.FromMinutes(10));
        Tap(CourierUid);
        Assert.False(terminal.Rounds.IsOpen);

        clock.SetUtc(Local(2026, 10, 20, 12, 40)); // back in Wi-Fi range: the gateway's time, then the upload
        uplink.IsConnected = true;
        terminal.Tick();
        var batch = Assert.Single(uplink.Batches);
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(batch, "T09", out var decoded));
        rig.Store.StoreBatch("S01", decoded!, rig.Clock.GetUtcNow().UtcDateTime);
        rig.Settler.Settle("2026-10");

        var statement = rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;
        Assert.Equal(new Totals(3, 4_500, 600, 3_900), statement.Totals);
        var fee = Assert.Single(statement.Deliveries);
        Assert.Equal(("2026-10-20", "午餐", 3, 1_200L, 600L, 600L), (fee.Day, fee.PeriodName, fee.Meals, fee.FeeFen, fee.SubsidyFen, fee.CoPaymentFen));
        var round = Assert.Single(statement.Rounds);
        Assert.Equal(("T09", 8001L, 3, true), (round.Terminal, round.Courier, round.Delivered, round.Ended));
        Assert.Equal(new Totals(3, 1_200, 600, 600), statement.DeliveryTotals);
        string csv = System.Text.Encoding.UTF8.GetString(StatementExport.Csv(statement, deliveries: true));
        Assert.Contains("2026-10-20,午餐,普通,3,12.00,6.00,6.00", csv);
        Assert.Contains($"2026-10-20,T09,{round.Round},8001,3,0,是", csv);
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(StatementExport.Xlsx(statement)));
        Assert.Equal(8001, book.Worksheet("送餐轮次").Cell(2, 4).GetValue<int>());
    }

    private void Provision()
    {
        var entries = Enumerable.Range(0, 5).Select(i => Entry(Uid(i), (uint)(5000 + i), CardStatus.Active)).Append(Entry(CourierUid, 8001, CardStatus.Courier)).ToArray();
        config.Extensions = ConfigExtensions.With(null, ConfigExtensions.TagTerminalMode, [ConfigExtensions.TerminalModeDelivery]);
        Boot();
        terminal.Rosters.Install(RosterWriter.Build(entries, 1, 1));
        Boot();
    }

    private void Boot()
    {
        terminal = new Terminal(config, new FlashLayout(flash, 2000), flash, reader, clock, new TextFeedback(), uplink);
        terminal.Boot();
    }

    private void Tap(byte[] uid)
    {
        reader.Present(uid);
        terminal.Tick();
        clock.Advance(TimeSpan.FromSeconds(5));
    }

    private static RosterEntry Entry(byte[] uid, uint elder, CardStatus status)
    {
        var e = new RosterEntry { ElderId = elder, Category = 0, Status = status, ValidToDay = RosterFormat.NoUpperBound, DeliveryRegistered = true };
        CardKey.FromUid(uid, uid.Length, e.CardKey, 0);
        return e;
    }

    private static byte[] Uid(int i) => [0x04, 0x11, 0x00, (byte)i, 0x22, 0x33, 0x80];

    private static DateTime Local(int year, int month, int day, int hour, int minute) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);
}
