using MealGateway.Ingest;
using MealGateway.Storage;
using Xunit.Abstractions;

namespace MealGateway.Tests.Storage.PowerCut;

/// <summary>
/// Issue 13 item 2, in the spirit of SQLite's crash tests: the gateway store runs a workload of
/// batch groups on a disk that journals every write and sync; then, for every sync of the
/// workload (and a sample of points between), the power is lost there - unsynced writes dropped,
/// kept, or torn at 4 KB sectors - and the real store reopens what the disk would hold. It must
/// open, hold every acknowledged record exactly once, tally what it holds, and go on storing.
/// </summary>
public sealed class StorePowerCutTests(ITestOutputHelper output) : IDisposable
{
    private const string Day = "2026-11-23";
    private static readonly (string Site, string Terminal)[] Fleet = [("S01", "T01"), ("S01", "T02"), ("S01", "T03"), ("S02", "T01")];
    private readonly string directory = Directory.CreateTempSubdirectory("powercut-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>What had been acknowledged once the journal reached a length.</summary>
    private sealed record Acknowledgement(int JournalLength, Dictionary<(string, string), long> Prefix);

    [Fact]
    public void PowerLostAtAnySyncOrWriteOfIngest_KeepsEveryAcknowledgedRecordExactlyOnce()
    {
        var disk = new DiskJournal();
        var acknowledgements = RunWorkload(disk, new Random(13));
        var journal = disk.Operations;
        var random = new Random(2026);
        var failures = new List<string>();
        int checkedCuts = 0;
        int syncs = 0;
        for (int cut = 0; cut <= journal.Count; cut++)
        {
            bool atSync = cut == journal.Count || journal[cut].Kind == DiskOperationKind.Sync;
            PowerLoss[] losses = atSync
                ? ++syncs % 4 == 0 ? [PowerLoss.DropUnsynced, PowerLoss.TearUnsynced, PowerLoss.KeepUnsynced] : [PowerLoss.DropUnsynced, PowerLoss.TearUnsynced]
                : random.Next(8) == 0 ? [PowerLoss.TearUnsynced] : [];
            foreach (var loss in losses)
            {
                checkedCuts++;
                var image = CrashImage.At(journal, cut, loss, random);
                var acknowledged = acknowledgements.LastOrDefault(a => a.JournalLength <= cut)?.Prefix ?? new();
                if (Check(image, acknowledged) is { } failure)
                {
                    failures.Add($"cut at operation {cut} of {journal.Count} ({(cut < journal.Count ? journal[cut].Kind + " " + journal[cut].File : "end")}), {loss}: {failure}");
                }
            }
        }

        output.WriteLine($"{checkedCuts} power cuts over {journal.Count} disk operations ({journal.Count(o => o.Kind == DiskOperationKind.Sync)} syncs), {failures.Count} failed");
        Assert.True(checkedCuts > 100, $"only {checkedCuts} cuts checked");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCuts} power cuts lost or broke acknowledged data:\n" + string.Join("\n", failures.Take(12)));
    }

    /// <summary>
    /// Groups of one to four batches from four terminals at two sites, some resent (as after a
    /// lost ack); every value StoreBatches returns is an acknowledgement the terminal may act on.
    /// </summary>
    private List<Acknowledgement> RunWorkload(DiskJournal disk, Random random)
    {
        var acknowledgements = new List<Acknowledgement>();
        var next = Fleet.ToDictionary(t => t, _ => 1u);
        var prefix = Fleet.ToDictionary(t => t, _ => 0L);
        using var store = new MealStore(directory, 480, openFile: disk.Open);
        for (int group = 0; group < 10; group++)
        {
            var batches = new List<IncomingBatch>();
            foreach (var t in Fleet.OrderBy(_ => random.Next()).Take(random.Next(1, 5)))
            {
                int count = random.Next(10, 40);
                if (random.Next(4) == 0 && next[t] > 1)
                {
                    batches.Add(Batch(t, Math.Max(1, next[t] - 10), 10)); // a resend
                }

                batches.Add(Batch(t, next[t], count));
                next[t] += (uint)count;
            }

            var acked = store.StoreBatches(batches, new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc));
            for (int i = 0; i < batches.Count; i++)
            {
                var key = (batches[i].Site, batches[i].Batch.TerminalId);
                prefix[key] = Math.Max(prefix[key], acked[i]);
            }

            acknowledgements.Add(new Acknowledgement(disk.Count, new Dictionary<(string, string), long>(prefix)));
        }

        Assert.All(Fleet, t => Assert.Equal(next[t] - 1, prefix[t]));
        return acknowledgements;
    }

    /// <summary>Opens the crash image with the real store and returns what is wrong, or null.</summary>
    private string? Check(Dictionary<string, byte[]> image, Dictionary<(string, string), long> acknowledged)
    {
        try
        {
            using var store = new MealStore(directory, 480, openFile: DiskJournal.Holding(image).Open);
            if (Holds(store, acknowledged) is { } wrong)
            {
                return wrong;
            }

            // The store goes on: a new batch from a terminal is stored and acknowledged on top.
            var (site, terminal) = Fleet[0];
            long before = store.AcknowledgedOf(site, terminal);
            long after = store.StoreBatch(site, Batch(Fleet[0], (uint)before + 1, 5).Batch, DateTime.UtcNow);
            return after != before + 5 ? $"a new batch after reopening acknowledged {after}, expected {before + 5}" : Holds(store, acknowledged);
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
        }
    }

    private static string? Holds(MealStore store, Dictionary<(string, string), long> acknowledged)
    {
        long total = 0;
        foreach (var (site, terminal) in Fleet)
        {
            var sequences = store.RecordsOf(site, terminal).Select(r => r.Sequence).ToList();
            total += sequences.Count;
            long expected = acknowledged.GetValueOrDefault((site, terminal));
            if (sequences.Distinct().Count() != sequences.Count)
            {
                return $"{site}/{terminal} holds a sequence twice";
            }

            if (sequences.Count(s => s <= expected) != expected || store.AcknowledgedOf(site, terminal) < expected)
            {
                return $"{site}/{terminal}: {sequences.Count(s => s <= expected)} of 1..{expected} acknowledged records held, prefix {store.AcknowledgedOf(site, terminal)}";
            }
        }

        long tallied = store.TalliesForDay(Day).Sum(c => (long)c.Meals);
        long counted = store.Terminals().Sum(t => t.RecordsStored);
        return tallied == total && counted == total ? null : $"{total} records held, {tallied} tallied, {counted} counted in terminal states";
    }

    private static IncomingBatch Batch((string Site, string Terminal) t, uint first, int count) =>
        BatchDecoder.TryDecode(Batches.Meals(t.Terminal, first, count), t.Terminal, out var batch) == BatchRejection.None
            ? new IncomingBatch(t.Site, batch!)
            : throw new InvalidOperationException("test batch did not decode");
}
