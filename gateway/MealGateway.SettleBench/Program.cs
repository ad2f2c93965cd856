using System.Diagnostics;
using MealGateway.Ingest;
using MealGateway.Policy;
using MealGateway.Settlement;
using MealGateway.Storage;
using MealTerminal.Core.Meals;

// A county month: sites x days x meals per site per day, ingested through MealStore (the same
// group commit path the MQTT ingest uses, without the network), then settled from the tallies.
// Usage: SettleBench [sites=300] [days=31] [mealsPerSiteDay=300]
int sites = args.Length > 0 ? int.Parse(args[0]) : 300;
int days = args.Length > 1 ? int.Parse(args[1]) : 30;
int mealsPerDay = args.Length > 2 ? int.Parse(args[2]) : 300;
const string Month = "2025-03"; // the example policy raises two subsidies on 2025-03-16: settled at both rates
string directory = Directory.CreateTempSubdirectory("settlebench-").FullName;
string policyPath = Path.Combine(AppContext.BaseDirectory, "policy.example.txt");
try
{
    using var store = new MealStore(directory, 8 * 60);
    var parsed = PolicyParser.Parse(File.ReadAllText(policyPath), store.Periods);
    if (parsed.Policy is null)
    {
        Console.Error.WriteLine(parsed.Describe(policyPath));
        return 2;
    }

    long records = (long)sites * days * mealsPerDay;
    Console.WriteLine($"County month: {sites} sites x {days} days x {mealsPerDay} meals = {records:N0} records");
    var ingest = Stopwatch.StartNew();
    var sequences = new uint[sites];
    int elders = mealsPerDay / 2;
    for (int day = 1; day <= days; day++)
    {
        var group = new List<IncomingBatch>();
        for (int site = 0; site < sites; site++)
        {
            var batch = new List<ReceivedRecord>(mealsPerDay);
            // Each elder eats lunch, and breakfast (even ids) or dinner (odd ids); the terminal records them in time order.
            foreach (int period in new[] { 0, 1, 2 })
            {
                for (int elder = 0; elder < elders; elder++)
                {
                    if (period != 1 && elder % 2 != period / 2)
                    {
                        continue;
                    }

                    int minute = (period == 0 ? 6 * 60 + 40 : period == 1 ? 11 * 60 + 10 : 17 * 60 + 10) + (elder * 100 / elders);
                    uint time = LocalTime.ToRecordSeconds(new DateTime(2025, 3, day, 0, 0, 0, DateTimeKind.Utc).AddMinutes(minute - (8 * 60)));
                    batch.Add(new ReceivedRecord(++sequences[site], VerdictCode.Accepted, period, elder % ElderCategory.Count, true, 1,
                        (uint)((site * 1000) + elder + 1), time, string.Empty));
                }
            }

            // A terminal sends at most 100 records per batch; the gateway commits ~20 batches per group.
            for (int at = 0; at < batch.Count; at += 100)
            {
                var part = batch.GetRange(at, Math.Min(100, batch.Count - at));
                group.Add(new IncomingBatch($"site-{site:D3}", new DecodedBatch("T01", part[0].Sequence, part)));
                if (group.Count == 20)
                {
                    store.StoreBatches(group, DateTime.UtcNow);
                    group.Clear();
                }
            }
        }

        if (group.Count > 0)
        {
            store.StoreBatches(group, DateTime.UtcNow);
        }

        Console.Error.Write($"\ringest day {day}/{days}");
    }

    ingest.Stop();
    Console.Error.WriteLine();
    Console.WriteLine($"Ingest: {records / ingest.Elapsed.TotalSeconds:N0} records/s ({ingest.Elapsed.TotalSeconds:N1} s, durable group commits); peak RSS so far {PeakRssMb():N0} MB");

    GC.Collect();
    ResetPeakRss();
    long rssBefore = CurrentRssMb();
    long allocatedBefore = GC.GetTotalAllocatedBytes(true);
    var settler = new Settler(store, new StatementBuilder(parsed.Policy, store.Periods), "bench", TimeProvider.System);
    // Settlement's first step folds the month's elder-meal deltas into the elder cells (Storage/ElderCells).
    // The gateway settles every 10 minutes, so it folds a few minutes of deltas at a time; here the
    // whole month's are waiting, so the fold is timed on its own first, then the settle itself.
    var fold = Stopwatch.StartNew();
    int folded = store.FoldElderMeals(Month);
    fold.Stop();
    Console.WriteLine($"Fold: {fold.Elapsed.TotalSeconds:N2} s for the whole month's elder-meal deltas at once ({folded:N0} deltas, {records:N0} meals)");
    var settle = Stopwatch.StartNew();
    var report = settler.Settle(Month);
    settle.Stop();
    var totals = report.Revisions.Where(r => r.Kind == StatementKind.Monthly).Aggregate(Totals.Zero, (t, s) => t.Add(s.Totals.Meals, s.Totals.PriceFen, s.Totals.SubsidyFen, s.Totals.CoPaymentFen));
    Console.WriteLine($"Settle: {settle.Elapsed.TotalSeconds:N2} s for {report.Sites} sites, {report.Revisions.Count:N0} revisions written with outbox entries; problems {report.Problems.Count}");
    Console.WriteLine($"        meals {totals.Meals:N0} (expected {records:N0}), subsidy {Yuan.Format(totals.SubsidyFen)} yuan, co-payment {Yuan.Format(totals.CoPaymentFen)} yuan");
    Console.WriteLine($"        peak RSS during fold and settle {PeakRssMb():N0} MB (before: {rssBefore:N0} MB), allocated {(GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1048576.0:N0} MB");
    var again = Stopwatch.StartNew();
    var unchanged = settler.Settle(Month);
    Console.WriteLine($"Settle again, nothing changed: {again.Elapsed.TotalSeconds:N2} s, {unchanged.Revisions.Count} revisions, {unchanged.Unchanged:N0} unchanged");

    // The welfare check's absent list of the month's last day, county-wide: what the console's
    // overview draws again after a store write once the day's cut-off has passed.
    var lastDay = new DateTime(2025, 3, days, 0, 0, 0, DateTimeKind.Utc);
    var welfare = new MealGateway.Welfare.WelfareDesk(store, new FixedTime(lastDay.AddHours(23 - 8)), new MealGateway.Welfare.WelfareSetting());
    var draw = Stopwatch.StartNew();
    var absent = welfare.Absent(lastDay.ToString("yyyy-MM-dd"));
    draw.Stop();
    Console.WriteLine($"Absent list of {lastDay:yyyy-MM-dd}, county-wide: {draw.Elapsed.TotalSeconds:N2} s to draw up ({absent.Lines.Count} absent)");
    Console.WriteLine($"Database: {new FileInfo(store.DatabasePath).Length / 1048576.0:N0} MB");
    return totals.Meals == records && report.Problems.Count == 0 ? 0 : 1;
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static long PeakRssMb() => StatusKb("VmHWM:") / 1024;

static long CurrentRssMb() => StatusKb("VmRSS:") / 1024;

static long StatusKb(string field)
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
    return line is null ? -1 : long.Parse(line[field.Length..].Trim().Split(' ')[0]);
}

// Writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS (Linux >= 4.0).
static void ResetPeakRss()
{
    try
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
    }
    catch (IOException)
    {
    }
    catch (UnauthorizedAccessException)
    {
    }
}

/// <summary>A clock that stands still at one instant.</summary>
internal sealed class FixedTime(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
}
