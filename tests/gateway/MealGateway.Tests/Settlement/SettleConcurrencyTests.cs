using MealGateway.Settlement;
using MealGateway.Ingest;
using MealGateway.Storage;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Settlement;

/// <summary>
/// Issue #13 acceptance: ingest, the settlement timer's due runs and manual settles running
/// together. No timing: a fixed number of batches, then one more due run, then the check. Each of
/// the three runs on its own thread (not the thread pool, where two busy loops on a 2-core machine
/// kept the third from starting until ingest was over), and ingest holds its last quarter until
/// both settlers have finished a run begun while it was storing, so the overlap is certain.
/// </summary>
public sealed class SettleConcurrencyTests : IDisposable
{
    private const int Batches = 2000;
    private const int BatchesPerGroup = 4;
    private static readonly string[] Sites = ["S01", "S02", "S03"];
    private readonly MonthRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task IngestTimerAndManualSettlesTogether_LeaveEveryLatestStatementEqualToTheTalliesAndItsElderLines()
    {
        var today = new DateOnly(2026, 11, 23);
        var random = new Random(13);
        using var ingestDone = new CancellationTokenSource();
        var timer = new Settler(rig.Store, rig.Builder, "GW1", rig.Clock);
        var manual = new Settler(rig.Store, rig.Builder, "GW1", rig.Clock);
        int timerRuns = 0, manualRuns = 0;
        var timerRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var manualRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var ingest = OnOwnThread(() =>
        {
            var eaten = new HashSet<(string Site, long Elder, string Day, int Hour)>();
            var next = new Dictionary<string, uint>();
            try
            {
                for (int batch = 0; batch < Batches; batch += BatchesPerGroup)
                {
                    if (batch == Batches * 3 / 4)
                    {
                        HangGuard.Of(Task.WhenAll(timerRan.Task, manualRan.Task), "a timer run and a manual settle during ingest").GetAwaiter().GetResult();
                    }

                    // Grouped as the ingest worker groups them: several batches per durable transaction.
                    var group = Enumerable.Range(0, BatchesPerGroup).Select(_ => NextBatch(random, eaten, next)).ToList();
                    rig.Store.StoreBatches(group, rig.Clock.GetUtcNow().UtcDateTime);
                }
            }
            finally
            {
                ingestDone.Cancel();
            }
        });
        var due = OnOwnThread(() =>
        {
            while (!ingestDone.IsCancellationRequested)
            {
                Assert.Empty(timer.SettleDue(today).Problems);
                timerRuns++;
                timerRan.TrySetResult();
            }
        });
        var settles = OnOwnThread(() =>
        {
            while (!ingestDone.IsCancellationRequested)
            {
                Assert.Empty(manual.Settle("2026-10").Problems);
                Assert.Empty(manual.Settle("2026-11").Problems);
                manualRuns++;
                manualRan.TrySetResult();
            }
        });
        await Task.WhenAll(ingest, due, settles);
        Assert.Empty(timer.SettleDue(today).Problems);

        Assert.True(timerRuns > 0 && manualRuns > 0, $"settles ran {timerRuns} + {manualRuns} times");
        int stored = Sites.Sum(site => rig.Store.Terminals().Where(t => t.Site == site).Sum(t => (int)t.RecordsStored));
        int settled = 0;
        foreach (var site in Sites)
        {
            var october = rig.Statements.Revision(StatementKind.Monthly, site, "2026-10")!;
            AssertAgrees(october, TalliedMeals(site, "2026-10", 31));
            settled += october.Totals.Meals;
            for (int day = 1; day < today.Day; day++)
            {
                string date = $"2026-11-{day:D2}";
                int tallied = TalliedMeals(site, date);
                var daily = rig.Statements.Revision(StatementKind.Daily, site, date);
                Assert.Equal(tallied, daily?.Totals.Meals ?? 0);
                settled += tallied;
            }

            var october31 = rig.Statements.Revision(StatementKind.Daily, site, "2026-10-31");
            Assert.Equal(TalliedMeals(site, "2026-10-31"), october31?.Totals.Meals ?? 0);
        }

        // No meal missing: every stored meal is in the latest October statement or a finished November day.
        Assert.Equal(stored, settled);
    }

    private static Task OnOwnThread(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>One to three meals from one terminal; 200 elders per site, each (elder, day, period) once: nothing is a repeat.</summary>
    private static IncomingBatch NextBatch(Random random, HashSet<(string, long, string, int)> eaten, Dictionary<string, uint> next)
    {
        string site = Sites[random.Next(Sites.Length)];
        string terminal = $"T0{random.Next(1, 3)}";
        var records = new ReceivedRecord[random.Next(1, 4)];
        uint first = next.GetValueOrDefault($"{site}/{terminal}", 1u);
        for (int i = 0; i < records.Length; i++)
        {
            (long elder, string day, int hour) = (0, string.Empty, 0);
            do
            {
                elder = (Array.IndexOf(Sites, site) * 1000) + random.Next(1, 201);
                day = new DateOnly(2026, 10, 1).AddDays(random.Next(0, 53)).ToString("yyyy-MM-dd");
                hour = random.Next(2) == 0 ? 7 : 12;
            }
            while (!eaten.Add((site, elder, day, hour)));
            records[i] = Meal(elder, day, hour, category: (int)(elder % 2)) with { Sequence = first + (uint)i };
        }

        next[$"{site}/{terminal}"] = first + (uint)records.Length;
        return new IncomingBatch(site, new DecodedBatch(terminal, first, records));
    }

    private int TalliedMeals(string site, string month, int days) =>
        Enumerable.Range(1, days).Sum(day => TalliedMeals(site, $"{month}-{day:D2}"));

    private int TalliedMeals(string site, string day) => rig.Store.TalliesForDay(day).Where(c => c.Site == site).Sum(c => c.Meals);

    private static void AssertAgrees(Statement statement, int tallied)
    {
        Assert.Equal(tallied, statement.Totals.Meals);
        Assert.Equal(statement.Rows.Sum(r => r.Meals), statement.Totals.Meals);
        Assert.Equal(statement.Totals.Meals, statement.Elders.Sum(e => e.Meals));
        Assert.Equal(statement.Totals.SubsidyFen, statement.Elders.Sum(e => e.SubsidyFen));
        Assert.Equal(statement.Totals.CoPaymentFen, statement.Elders.Sum(e => e.CoPaymentFen));
    }
}
