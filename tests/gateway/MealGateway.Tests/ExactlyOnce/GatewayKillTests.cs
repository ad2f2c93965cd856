using MealGateway.Storage;

namespace MealGateway.Tests.ExactlyOnce;

/// <summary>
/// The gateway process is SIGKILLed at random points while 20 terminals upload, and restarted.
/// After every kill, each record a terminal has been acknowledged must be in the database as the
/// kill left it; at the end every record is stored and tallied once.
/// </summary>
public sealed class GatewayKillTests
{
    [Fact]
    public async Task GatewayKilledAtRandomPoints_LosesNothingAcknowledgedAndCountsNothingTwice()
    {
        var random = new Random(4_2026);
        await using var rig = await UploadRig.StartAsync(terminals: 20, backlog: 300, ownGateway: false);
        using var gateway = new GatewayProcess(rig.GatewayDirectory, rig.Port);
        int acknowledgedAtKills = 0;

        for (int kill = 0; kill < 5; kill++)
        {
            await gateway.StartAsync();
            // Killed once the gateway has acknowledged a random number of further records (up to 2,000
            // in all, of the 6,000 waiting), so every kill lands while batches are flowing, however
            // slow the machine.
            long target = AcknowledgedTotal(rig) + random.Next(1, 400);
            await rig.PumpUntilAsync(() => AcknowledgedTotal(rig) >= target, $"upload before kill {kill}");
            gateway.Kill();

            rig.Terminals.ForEach(t => t.Core.Tick()); // take in acknowledgements already received
            acknowledgedAtKills += AssertAcknowledgedAreStored(rig);
            rig.Terminals.ForEach(t => rig.Record(t, random.Next(0, 30))); // taps while the gateway is down
        }

        await gateway.StartAsync();
        await rig.PumpUntilAsync(rig.AllAcknowledged, "upload after the last restart");
        gateway.Kill();

        Assert.True(acknowledgedAtKills > 0, "no kill happened after an acknowledgement: the test proved nothing");
        using var store = new MealStore(rig.GatewayDirectory, 480);
        foreach (var t in rig.Terminals)
        {
            var audit = DeliveryAudit.Of(store, t.Site, t.TerminalId, rig.RecordedBy(t.TerminalId), UploadRig.Day);
            Assert.Equal((audit.Terminal, 0, 0), (audit.Terminal, audit.Missing, audit.Duplicates));
            Assert.Equal(audit.Expected, audit.TalliedAtSite);
        }
    }

    private static long AcknowledgedTotal(UploadRig rig) => rig.Terminals.Sum(t => (long)t.Core.Ledger.AcknowledgedSequence);

    /// <summary>Opens a copy of the database as the kill left it; returns how many acknowledged records were checked.</summary>
    private static int AssertAcknowledgedAreStored(UploadRig rig)
    {
        string copy = Path.Combine(rig.Directory, $"after-kill-{Guid.NewGuid():N}");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(rig.GatewayDirectory, "meals*.db"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        int checkedRecords = 0;
        using (var store = new MealStore(copy, 480))
        {
            foreach (var t in rig.Terminals)
            {
                long acknowledged = t.Core.Ledger.AcknowledgedSequence;
                var stored = store.RecordsOf(t.Site, t.TerminalId).Select(r => r.Sequence).ToHashSet();
                long missing = Enumerable.Range(1, (int)acknowledged).Count(s => !stored.Contains(s));
                Assert.True(missing == 0, $"{t.Site}/{t.TerminalId}: {missing} of {acknowledged} acknowledged records missing after a kill");
                Assert.True(store.AcknowledgedOf(t.Site, t.TerminalId) >= acknowledged);
                checkedRecords += (int)acknowledged;
            }
        }

        Directory.Delete(copy, recursive: true);
        return checkedRecords;
    }
}
