using System.Diagnostics;
using MealGateway.Broker;
using MealGateway.Storage;

namespace MealGateway.LoadBench;

public sealed record LoadResult(
    TimeSpan Elapsed, long Records, double PeakResidentMegabytes, long StoredRecords, long TalliedMeals, long Batches, long GroupCommits,
    TimeSpan Fold, long ElderMeals)
{
    public double RecordsPerSecond => Records / Elapsed.TotalSeconds;
}

/// <summary>
/// The upload phase: a gateway process with its embedded broker, every terminal provisioned, all
/// backlogs filled, then every terminal connects at once and uploads until its whole backlog is
/// acknowledged (acknowledged = durable). Terminal time is real time here.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string directory, int terminals, int backlog, TextWriter log)
    {
        string gatewayDirectory = Path.Combine(directory, "gateway");
        var credentials = new CredentialStore(gatewayDirectory);
        var secrets = Enumerable.Range(0, terminals)
            .Select(t => credentials.Provision(BenchRecords.Site(t), BenchRecords.Terminal(t))).ToArray();

        int mqttPort = FreePort.Pick();
        using var gateway = new GatewayChild(gatewayDirectory, mqttPort, FreePort.Pick());
        await gateway.StartAsync();
        var fleet = Enumerable.Range(0, terminals).Select(t => new BenchTerminal(t, "127.0.0.1", mqttPort, secrets[t])).ToList();
        fleet.ForEach(t => t.Fill(backlog));
        log.WriteLine($"{terminals} terminals x {backlog} records ready; connecting all at once");

        var watch = Stopwatch.StartNew();
        fleet.ForEach(t => t.Uplink.Start());
        var nextReport = TimeSpan.FromSeconds(5);
        while (fleet.Any(t => t.Ledger.PendingCount > 0))
        {
            long now = watch.ElapsedMilliseconds;
            foreach (var t in fleet)
            {
                t.Sync.Tick(now);
            }

            if (watch.Elapsed > nextReport)
            {
                long pending = fleet.Sum(t => (long)t.Ledger.PendingCount);
                log.WriteLine($"  {watch.Elapsed.TotalSeconds,5:F0} s: {terminals * (long)backlog - pending} acknowledged, gateway VmHWM {gateway.PeakResidentMegabytes():F0} MB");
                nextReport += TimeSpan.FromSeconds(5);
            }

            await Task.Delay(5); // a real fleet ticks on its own CPUs: keep the harness from starving the gateway
        }

        var elapsed = watch.Elapsed;
        double peak = gateway.PeakResidentMegabytes();
        var (batches, groups) = await gateway.GroupCommitsAsync();
        foreach (var t in fleet)
        {
            await t.DisposeAsync();
        }

        gateway.Dispose();
        using var store = new MealStore(gatewayDirectory, 480);
        long stored = store.Terminals().Sum(t => t.RecordsStored);
        long tallied = store.TalliesForDay("2026-11-23").Sum(c => (long)c.Meals);

        // Ingest leaves the elders' meals as deltas; settlement folds them into the elder cells
        // before it reads a month. That work is off the acknowledgement path, so it is timed here.
        var fold = Stopwatch.StartNew();
        store.FoldElderMeals("2026-11");
        fold.Stop();
        long elderMeals = store.ElderCellsOf("2026-11").Sum(c => (long)c.Meals.Length);
        return new LoadResult(elapsed, terminals * (long)backlog, peak, stored, tallied, batches, groups, fold.Elapsed, elderMeals);
    }
}
