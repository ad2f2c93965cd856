namespace MealGateway.Tests.ExactlyOnce;

/// <summary>
/// Terminals upload over real MQTT while things fail; at the end the gateway holds every record
/// once. Each test counts missing and duplicate sequence numbers per terminal and requires zero.
/// </summary>
public sealed class ExactlyOnceOverMqttTests
{
    private static void AssertExactlyOnce(UploadRig rig)
    {
        foreach (var audit in rig.Audit())
        {
            Assert.Equal((audit.Terminal, 0, 0), (audit.Terminal, audit.Missing, audit.Duplicates));
            Assert.Equal(audit.Expected, audit.TalliedAtSite);
        }

        Assert.Equal(0, rig.Gateway!.Ingest.StoreFailures);
        Assert.Empty(rig.Gateway.Ingest.Rejections);
    }

    [Fact]
    public async Task GatewayRestartsMidBatch_EveryRecordIsStoredOnce()
    {
        await using var rig = await UploadRig.StartAsync(terminals: 4, backlog: 600);
        await rig.PumpUntilAsync(() => rig.Gateway!.Ingest.BatchesStored >= 3, "first batches");
        Assert.True(rig.Terminals.Sum(t => t.Core.Ledger.PendingCount) > 0);

        await rig.StopGatewayAsync();
        rig.Terminals.ForEach(t => rig.Record(t, 50));
        await rig.PumpUntilAsync(UploadRig.Steps(60), "uploading with the gateway down");
        await rig.StartGatewayAsync();
        await rig.PumpUntilAsync(rig.AllAcknowledged, "upload after the gateway restarted");

        AssertExactlyOnce(rig);
    }

    [Fact]
    public async Task BrokerRestarts_EveryRecordIsStoredOnce()
    {
        await using var rig = await UploadRig.StartAsync(terminals: 4, backlog: 600);
        await rig.PumpUntilAsync(() => rig.Gateway!.Ingest.BatchesStored >= 3, "first batches");

        await rig.StopBrokerAsync();
        rig.Terminals.ForEach(t => rig.Record(t, 50));
        await rig.PumpUntilAsync(UploadRig.Steps(30), "taps with the broker down");
        await rig.StartBrokerAsync();
        await rig.PumpUntilAsync(rig.AllAcknowledged, "upload after the broker restarted");

        AssertExactlyOnce(rig);
    }

    [Fact]
    public async Task TerminalRebootsMidUpload_EveryRecordIsStoredOnce()
    {
        await using var rig = await UploadRig.StartAsync(terminals: 3, backlog: 800);
        int bootsBefore = rig.Terminals[0].Core.BootCount;
        await rig.PumpUntilAsync(() => rig.Terminals[0].Core.Ledger.AcknowledgedSequence >= 100, "first acknowledgement");
        Assert.True(rig.Terminals[0].Core.Ledger.PendingCount > 0);

        await rig.RebootAsync(0);
        rig.Record(rig.Terminals[0], 40);
        await rig.PumpUntilAsync(() => rig.Terminals[0].Core.Ledger.AcknowledgedSequence >= 400, "more acknowledgements");
        await rig.RebootAsync(0);
        await rig.PumpUntilAsync(rig.AllAcknowledged, "upload after the reboots");

        Assert.Equal(bootsBefore + 2, rig.Terminals[0].Core.BootCount);
        AssertExactlyOnce(rig);
    }

    [Fact]
    public async Task DuplicatedAndReorderedDeliveries_AreStoredOnce()
    {
        await using var rig = await UploadRig.StartAsync(terminals: 4, backlog: 500);
        await using var replayer = await BatchReplayer.StartAsync(rig.Service("replayer"));
        await rig.PumpUntilAsync(rig.AllAcknowledged, "first upload");
        await rig.PumpUntilAsync(() => replayer.Captured >= 4 * 5, "capture");

        // A second gateway with an empty database gets nothing but the replay: every batch three
        // times, in random order, so most arrive after a gap and some before batches they follow.
        await rig.StopGatewayAsync();
        await rig.StartGatewayAsync(dataName: "replayed", clientId: "meal-gateway-replayed");
        int sent = await replayer.ReplayShuffledAsync(copies: 3, seed: 20261123);
        await rig.PumpUntilAsync(() => rig.Gateway!.Ingest.BatchesStored >= sent, "replay stored");

        AssertExactlyOnce(rig);
        Assert.All(rig.Terminals, t => Assert.Equal(rig.RecordedBy(t.TerminalId), rig.Gateway!.Store.AcknowledgedOf(t.Site, t.TerminalId)));
    }
}
