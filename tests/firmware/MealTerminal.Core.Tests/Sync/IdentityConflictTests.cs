using MealTerminal.Core.Sync;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Sync;

/// <summary>
/// Issue 13 item 6: a wiped or replaced terminal whose sequences the gateway cannot take keeps its
/// records, stops sending at full rate and says so on the host review and in its heartbeat.
/// </summary>
public class IdentityConflictTests
{
    private static TerminalRig ConnectedRigWithMeals(int meals)
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        for (int i = 0; i < meals; i++)
        {
            rig.Tap(TerminalRig.Uid(i));
        }

        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();
        return rig;
    }

    private static string ReviewUploadPageTitle(TerminalRig rig)
    {
        for (int page = 0; page < 4; page++)
        {
            rig.Terminal.ShowHostReview();
        }

        return rig.Feedback.Titles[^1];
    }

    private static StatusFlags LastHeartbeat(TerminalRig rig)
    {
        var status = new TerminalStatus();
        var payload = rig.Uplink.On(UplinkChannel.Status)[^1];
        Assert.True(StatusCodec.TryDecode(payload, payload.Length, status));
        return new StatusFlags(status.IdentityConflict);
    }

    [Fact]
    public void ConflictAck_KeepsEveryRecord_AndIsShownOnTheHostReviewAndInTheHeartbeat()
    {
        var rig = ConnectedRigWithMeals(5);
        uint epoch = rig.Terminal.Ledger.Epoch;

        rig.Uplink.DeliverAck(0, epoch ^ 0x1111, AckCodec.StatusIdentityConflict);
        rig.Clock.Advance(TimeSpan.FromSeconds(61));
        rig.Terminal.Tick();

        Assert.True(rig.Terminal.Sync.IdentityConflict);
        Assert.Equal(0u, rig.Terminal.Ledger.AcknowledgedSequence);
        Assert.Equal(5, rig.Terminal.Ledger.PendingCount);
        Assert.Equal("终端身份冲突", ReviewUploadPageTitle(rig));
        Assert.True(LastHeartbeat(rig).IdentityConflict);
    }

    [Fact]
    public void AckAboveTheTerminalsNextSequence_DropsNothing_AndIsShownAsAConflict()
    {
        var rig = ConnectedRigWithMeals(3);

        rig.Uplink.DeliverAck(500); // the gateway holds sequences this ledger never wrote
        rig.Terminal.Tick();

        Assert.True(rig.Terminal.Sync.IdentityConflict);
        Assert.Equal(0u, rig.Terminal.Ledger.AcknowledgedSequence);
        Assert.Equal(3, rig.Terminal.Ledger.PendingCount);
        Assert.Equal("终端身份冲突", ReviewUploadPageTitle(rig));
    }

    [Fact]
    public void DuringAConflict_TheBatchIsSentOnlyEveryTenMinutes_AndAStoredAckEndsIt()
    {
        var rig = ConnectedRigWithMeals(2);
        rig.Uplink.DeliverAck(0, rig.Terminal.Ledger.Epoch, AckCodec.StatusIdentityConflict);
        rig.Terminal.Tick();
        int sent = rig.Uplink.Batches.Count;

        for (int i = 0; i < 59; i++)
        {
            rig.Clock.Advance(TimeSpan.FromSeconds(10));
            rig.Terminal.Tick();
        }

        Assert.Equal(sent, rig.Uplink.Batches.Count); // not every 10 s as without a conflict
        rig.Clock.Advance(TimeSpan.FromSeconds(10));
        rig.Terminal.Tick();
        Assert.Equal(sent + 1, rig.Uplink.Batches.Count);

        rig.Uplink.DeliverAck(2); // the operator accepted the new epoch: the gateway stores the batch
        rig.Terminal.Tick();
        Assert.False(rig.Terminal.Sync.IdentityConflict);
        Assert.Equal(2u, rig.Terminal.Ledger.AcknowledgedSequence);
        Assert.Equal("数据上传", ReviewUploadPageTitle(rig));
    }

    [Fact]
    public void AckForAnotherLedgerEpoch_IsIgnored()
    {
        var rig = ConnectedRigWithMeals(3);

        rig.Uplink.DeliverAck(2, rig.Terminal.Ledger.Epoch + 1, AckCodec.StatusStored);
        rig.Terminal.Tick();

        Assert.Equal(0u, rig.Terminal.Ledger.AcknowledgedSequence);
        Assert.Equal(1, rig.Terminal.Sync.ForeignAcks);
        Assert.False(rig.Terminal.Sync.IdentityConflict);
    }

    [Fact]
    public void BatchesCarryTheLedgerEpoch()
    {
        var rig = ConnectedRigWithMeals(1);
        var batch = rig.Uplink.Batches.Single();

        Assert.Equal(RecordBatchCodec.FormatVersion, batch[0]);
        Assert.NotEqual(0u, rig.Terminal.Ledger.Epoch);
        Assert.Equal(rig.Terminal.Ledger.Epoch, BitConverter.ToUInt32(batch, 2 + batch[1]));
    }

    private sealed record StatusFlags(bool IdentityConflict);
}
