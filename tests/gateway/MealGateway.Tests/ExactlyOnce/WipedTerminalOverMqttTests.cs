using MealGateway.Storage;

namespace MealGateway.Tests.ExactlyOnce;

/// <summary>
/// Issue 13 item 6 end to end over MQTT: a terminal wiped after uploading (new ledger epoch,
/// sequences from 1) keeps its new meals through the identity conflict, shows it, and after the
/// operator accepts its new epoch every meal of both ledgers is stored exactly once.
/// </summary>
public sealed class WipedTerminalOverMqttTests
{
    [Fact]
    public async Task WipedTerminal_IsRefusedAndKeepsItsMeals_ThenAfterResetEpochEveryMealIsStoredOnce()
    {
        await using var rig = await UploadRig.StartAsync(terminals: 1, backlog: 20);
        await rig.PumpUntilAsync(rig.AllAcknowledged, "first ledger uploaded");
        uint oldEpoch = rig.Terminals[0].Core.Ledger.Epoch;

        await rig.WipeAsync(0);
        var terminal = rig.Terminals[0];
        terminal.Core.Sync.ConflictResendMilliseconds = 2000; // simulated time: the 10-minute pace, shortened
        rig.Record(terminal, 10);
        await rig.PumpUntilAsync(() => terminal.Core.Sync.IdentityConflict, "identity conflict reported to the terminal");

        var store = rig.Gateway!.Store;
        Assert.NotEqual(oldEpoch, terminal.Core.Ledger.Epoch);
        Assert.Equal(10, terminal.Core.Ledger.PendingCount);
        Assert.Equal(20, store.RecordsOf("S01", "T01").Count);
        Assert.Single(store.Anomalies("S01", "2026-11"), a => a.Kind == AnomalyKind.IdentityConflict);

        Assert.Equal(EpochAcceptanceStatus.Accepted, store.AcceptEpoch("S01", "T01", "张三", DateTime.UtcNow).Status);
        await rig.PumpUntilAsync(rig.AllAcknowledged, "new ledger uploaded after reset-epoch");

        Assert.False(terminal.Core.Sync.IdentityConflict);
        var audit = Assert.Single(rig.Audit());
        Assert.Equal((30, 0, 0, 30), (audit.Expected, audit.Missing, audit.Duplicates, audit.TalliedAtSite));
    }
}
