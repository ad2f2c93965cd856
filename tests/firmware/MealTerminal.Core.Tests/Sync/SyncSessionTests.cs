using MealTerminal.Core.Ledger;
using MealTerminal.Core.Sync;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Sync;

public class SyncSessionTests
{
    private static TerminalRig RigWithMeals(int meals)
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        for (int i = 0; i < meals; i++)
        {
            rig.Tap(TerminalRig.Uid(i));
        }

        return rig;
    }

    [Fact]
    public void CursorAdvances_OnlyOnTheGatewaysAcknowledgement()
    {
        var rig = RigWithMeals(5);
        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();
        Assert.Single(rig.Uplink.Batches);
        Assert.Equal(0u, rig.Terminal.Ledger.AcknowledgedSequence);
        rig.Uplink.DeliverAck(5);
        rig.Terminal.Tick();
        Assert.Equal(5u, rig.Terminal.Ledger.AcknowledgedSequence);
        rig.Reboot();
        Assert.Equal(5u, rig.Terminal.Ledger.AcknowledgedSequence);
    }

    [Fact]
    public void AfterAReconnect_TheBatchIsSentAgainFromTheCursor()
    {
        var rig = RigWithMeals(3);
        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();
        rig.Uplink.IsConnected = false;
        rig.Terminal.Tick();
        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();
        Assert.Equal(2, rig.Uplink.Batches.Count);
        Assert.Equal(rig.Uplink.Batches[0], rig.Uplink.Batches[1]);
    }

    [Fact]
    public void MalformedAck_IsCountedAndIgnored()
    {
        var rig = RigWithMeals(2);
        rig.Uplink.IsConnected = true;
        rig.Uplink.Deliver(UplinkChannel.Ack, new byte[] { 1, 0, 2, 0, 0, 0, 0, 0, 0, 0 });
        rig.Terminal.Tick();
        Assert.Equal(1, rig.Terminal.Sync.MalformedAcks);
        Assert.Equal(0u, rig.Terminal.Ledger.AcknowledgedSequence);
    }

    [Fact]
    public void BatchRecords_RoundTripThroughTheCodec()
    {
        var rig = RigWithMeals(1);
        rig.Tap(new byte[] { 0xAA, 0xBB, 0xCC, 0xDD });
        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();
        var batch = rig.Uplink.Batches.Single();
        int at = RecordBatchCodec.HeaderSize("T01");
        var first = new MealRecord();
        var second = new MealRecord();
        at = RecordBatchCodec.ReadRecord(batch, at, batch.Length - 4, first);
        at = RecordBatchCodec.ReadRecord(batch, at, batch.Length - 4, second);
        Assert.Equal(batch.Length - 4, at);
        Assert.Equal(5000u, first.ElderId);
        Assert.Equal("AABBCCDD", MealTerminal.Core.Cards.CardKey.ToHex(second.CardKey, 0));
    }
}
