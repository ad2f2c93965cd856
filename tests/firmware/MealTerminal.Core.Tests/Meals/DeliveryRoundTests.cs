using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Meals;

public class DeliveryRoundTests
{
    [Fact]
    public void CourierCard_OpensARound_EldersTapAtTheDoor_AndTheNextCourierTapClosesIt()
    {
        var rig = DeliveryRig.Create();
        rig.Clock.SetLocal(2026, 11, 23, 11, 10);

        rig.Tap(DeliveryRig.CourierUid);
        Assert.Equal("开始送餐", rig.Terminal.LastScreen.Line1);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(1)));
        Assert.Equal("送餐登记成功", rig.Terminal.LastScreen.Line1);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(2)));
        rig.Tap(DeliveryRig.CourierUid);
        Assert.Equal(new[] { "本轮送餐结束", "送达 2份" }, new[] { rig.Terminal.LastScreen.Line1, rig.Terminal.LastScreen.Line2 });

        var records = DeliveryRig.Records(rig);
        Assert.Equal(new[] { VerdictCode.DeliveryRound, VerdictCode.Accepted, VerdictCode.Accepted, VerdictCode.DeliveryRound },
            records.Where(r => r.Verdict != VerdictCode.ConfigSwitch).Select(r => r.Verdict));
        var start = records.First(r => r.Verdict == VerdictCode.DeliveryRound);
        Assert.Equal((VerdictCode.RoundStart, DeliveryRig.CourierId), (start.Period, start.ElderId));
        Assert.Equal(VerdictCode.RoundEnd, records.Last().Period);
        Assert.All(records.Where(r => r.Verdict == VerdictCode.Accepted), r => Assert.True(r.AtDoor && !r.Unregistered));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ABootWithOrWithoutAClock_FindsTheOpenRound_InTheSamePassAsWhoAte(bool clockAtBoot)
    {
        var rig = DeliveryRig.Create();
        rig.Clock.SetLocal(2026, 11, 23, 11, 10);
        rig.Tap(DeliveryRig.CourierUid);
        rig.Tap(TerminalRig.Uid(1));
        rig.Tap(TerminalRig.Uid(2));

        rig.Clock.IsWallClockValid = clockAtBoot;
        rig.Reboot();
        Assert.True(rig.Terminal.Rounds.IsOpen);
        Assert.Equal(2, rig.Terminal.Rounds.Delivered);
        Assert.Equal(DeliveryRig.CourierId, rig.Terminal.Rounds.Courier);
        rig.Tap(DeliveryRig.CourierUid);
        rig.Reboot();
        Assert.False(rig.Terminal.Rounds.IsOpen);
    }

    [Fact]
    public void APowerCutInTheMiddleOfARound_LeavesTheRoundOpen_WithItsDeliveriesCounted()
    {
        var rig = DeliveryRig.Create();
        rig.Clock.SetLocal(2026, 11, 23, 11, 10);
        rig.Tap(DeliveryRig.CourierUid);
        rig.Tap(TerminalRig.Uid(1));
        rig.Tap(TerminalRig.Uid(2));

        rig.Reboot();
        rig.Clock.IsWallClockValid = false; // the battery pack died with the clock: the round goes on without it
        Assert.True(rig.Terminal.Rounds.IsOpen);
        Assert.Equal(2, rig.Terminal.Rounds.Delivered);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(3)));
        rig.Tap(DeliveryRig.CourierUid);

        Assert.Equal("送达 3份", rig.Terminal.LastScreen.Line2);
        Assert.True(DeliveryRig.Records(rig).Single(r => r.ElderId == 5003).AtDoor);
    }

    [Fact]
    public void AnEldersCard_BeforeTheCourierOpenedARound_IsNotRecorded()
    {
        var rig = DeliveryRig.Create();
        rig.Clock.SetLocal(2026, 11, 23, 11, 10);
        uint next = rig.Terminal.Ledger.NextSequence;

        rig.Tap(TerminalRig.Uid(1));

        Assert.Equal("尚未开始送餐", rig.Terminal.LastScreen.Line1);
        Assert.Equal(next, rig.Terminal.Ledger.NextSequence);
    }

    [Fact]
    public void ACourierCard_OnACanteenTerminal_IsNeitherAMealNorARound()
    {
        var rig = DeliveryRig.Create(deliveryMode: false);
        rig.Clock.SetLocal(2026, 11, 23, 11, 10);
        uint next = rig.Terminal.Ledger.NextSequence;

        rig.Tap(DeliveryRig.CourierUid);

        Assert.Equal("送餐员卡", rig.Terminal.LastScreen.Line1);
        Assert.Equal(next, rig.Terminal.Ledger.NextSequence);
    }

    [Fact]
    public void AnElderWhoAteAtTheCanteen_IsNotDeliveredASecondMeal_InTheSamePeriod_OnOneTerminal()
    {
        var rig = DeliveryRig.Create(deliveryMode: false);
        rig.Clock.SetLocal(2026, 11, 23, 11, 10);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(4)));

        DeliveryRig.SetMode(rig, ConfigExtensions.TerminalModeDelivery);
        rig.Tap(DeliveryRig.CourierUid);

        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(TerminalRig.Uid(4)));
        Assert.True(DeliveryRig.Records(rig).Last().AtDoor);
    }

    [Fact]
    public void ADelivery_ToAnElderNotRegisteredForIt_IsRecordedAndFlagged()
    {
        var rig = DeliveryRig.Create();
        rig.Clock.SetLocal(2026, 11, 23, 11, 10);
        rig.Tap(DeliveryRig.CourierUid);

        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(15)));

        Assert.Equal("未登记送餐 待核", rig.Terminal.LastScreen.Line4);
        var record = DeliveryRig.Records(rig).Last();
        Assert.True(record.AtDoor && record.Unregistered);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void DoorFlags_SurviveTheLedgerSlot_AndTheWire(bool atDoor, bool unregistered)
    {
        var record = new MealRecord { Verdict = 1, Period = 1, Category = 2, ClockValid = true, BootCount = 3, ElderId = 77, Time = 1000, AtDoor = atDoor, Unregistered = unregistered };
        var slot = new byte[RecordCodec.Size];
        RecordCodec.Encode(record, 0, slot, 0);
        var fromFlash = new MealRecord();
        RecordCodec.Decode(slot, 0, 1, fromFlash);
        var wire = new byte[64];
        RecordBatchCodec.WriteRecord(wire, 0, record);
        var fromWire = new MealRecord();
        RecordBatchCodec.ReadRecord(wire, 0, wire.Length, fromWire);

        Assert.Equal((atDoor, unregistered), (fromFlash.AtDoor, fromFlash.Unregistered));
        Assert.Equal((atDoor, unregistered), (fromWire.AtDoor, fromWire.Unregistered));
    }

    [Fact]
    public void ALedgerSlotWrittenBeforeDelivery_ReadsAsACanteenMeal()
    {
        var record = new MealRecord { Verdict = 1, Period = 1, ElderId = 77, Time = 1000, ClockValid = true };
        var slot = new byte[RecordCodec.Size];
        RecordCodec.Encode(record, 0, slot, 0);

        Assert.Equal(0xC0, slot[2] & 0xC0); // bits 6-7 as older firmware wrote them
    }
}
