using MealGateway.Ingest;
using MealGateway.Storage;

namespace MealGateway.Tests.Storage;

public sealed class MealStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mealstore-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static DecodedBatch Decode(byte[] payload)
    {
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(payload, "T01", out var batch));
        return batch!;
    }

    [Fact]
    public void SameBatchDeliveredTwice_IsStoredAndTalliedOnce()
    {
        using var store = new MealStore(directory, 480);
        Assert.Equal(5, store.StoreBatch("S01", Decode(Batches.Meals("T01", 1, 5)), DateTime.UtcNow));
        Assert.Equal(5, store.StoreBatch("S01", Decode(Batches.Meals("T01", 1, 5)), DateTime.UtcNow));
        Assert.Equal(5, store.RecordsOf("S01", "T01").Count);
        Assert.Equal(5, store.TalliesForDay("2026-11-23").Sum(t => t.Meals));
    }

    [Fact]
    public void BatchAfterAGap_IsStoredButOnlyTheContiguousPrefixIsAcknowledged()
    {
        using var store = new MealStore(directory, 480);
        Assert.Equal(0, store.StoreBatch("S01", Decode(Batches.Meals("T01", 6, 5)), DateTime.UtcNow));
        Assert.Equal(10, store.StoreBatch("S01", Decode(Batches.Meals("T01", 1, 5)), DateTime.UtcNow));
        Assert.Equal(10, store.TalliesForDay("2026-11-23").Sum(t => t.Meals));
    }

    [Fact]
    public void StoredRecordsAndTallies_SurviveReopeningTheDatabase()
    {
        using (var store = new MealStore(directory, 480))
        {
            store.StoreBatch("S01", Decode(Batches.Meals("T01", 1, 4, category: 2)), DateTime.UtcNow);
        }

        using var reopened = new MealStore(directory, 480);
        var cell = Assert.Single(reopened.TalliesForDay("2026-11-23"));
        Assert.Equal(("S01", 1, 2, 4), (cell.Site, cell.Period, cell.Category, cell.Meals));
        Assert.Equal(4, reopened.Terminals().Single().ContiguousSequence);
    }

    [Fact]
    public void SameTerminalIdAtTwoSites_AreKeptApart()
    {
        using var store = new MealStore(directory, 480);
        store.StoreBatch("S01", Decode(Batches.Meals("T01", 1, 3)), DateTime.UtcNow);
        store.StoreBatch("S02", Decode(Batches.Meals("T01", 1, 2)), DateTime.UtcNow);
        var tallies = store.TalliesForDay("2026-11-23");
        Assert.Equal(3, tallies.Where(t => t.Site == "S01").Sum(t => t.Meals));
        Assert.Equal(2, tallies.Where(t => t.Site == "S02").Sum(t => t.Meals));
    }

    [Fact]
    public void GroupFromManyTerminals_IsOneTransactionWithOneDataFileSync()
    {
        using var store = new MealStore(directory, 480);
        long before = store.DataFileSyncs;
        var group = Enumerable.Range(1, 8)
            .Select(i => new IncomingBatch("S01", DecodeAs($"T{i:D2}", Batches.Meals($"T{i:D2}", 1, 10))))
            .ToList();

        var acknowledged = store.StoreBatches(group, DateTime.UtcNow);

        Assert.All(acknowledged, a => Assert.Equal(10, a));
        Assert.Equal(before + 1, store.DataFileSyncs);
        Assert.Equal(80, store.TalliesForDay("2026-11-23").Sum(t => t.Meals));
    }

    [Fact]
    public void StoredGroup_IsInTheSyncedDataFileAloneBeforeStoreReturns()
    {
        string copy = Path.Combine(directory, "copy");
        Directory.CreateDirectory(copy);
        int syncsSeen = 0;
        using (var store = new MealStore(directory, 480, beforeDataFileSync: () => syncsSeen++))
        {
            store.StoreBatch("S01", Decode(Batches.Meals("T01", 1, 30)), DateTime.UtcNow);

            // The data file without its log, as a power cut right now would leave it.
            File.WriteAllBytes(Path.Combine(copy, "meals.db"), ReadShared(store.DatabasePath));
        }

        Assert.True(syncsSeen >= 1);
        using var fromDataFileOnly = new MealStore(copy, 480);
        Assert.Equal(30, fromDataFileOnly.RecordsOf("S01", "T01").Count);
        Assert.Equal(30, fromDataFileOnly.AcknowledgedOf("S01", "T01"));
    }

    [Fact]
    public void BatchesInOneGroupOutOfOrderAndRepeated_AreStoredOnceAndAcknowledgedAsAPrefix()
    {
        using var store = new MealStore(directory, 480);
        var group = new[] { (21u, 10), (1u, 10), (1u, 10), (31u, 5), (21u, 10) }
            .Select(b => new IncomingBatch("S01", Decode(Batches.Meals("T01", b.Item1, b.Item2))))
            .ToList();

        var acknowledged = store.StoreBatches(group, DateTime.UtcNow);

        Assert.All(acknowledged, a => Assert.Equal(10, a)); // 11..20 missing
        Assert.Equal(10, store.StoreBatch("S01", Decode(Batches.Meals("T01", 21, 5)), DateTime.UtcNow));
        Assert.Equal(35, store.StoreBatch("S01", Decode(Batches.Meals("T01", 11, 10)), DateTime.UtcNow));
        Assert.Equal(Enumerable.Range(1, 35).Select(i => (long)i), store.RecordsOf("S01", "T01").Select(r => r.Sequence));
        Assert.Equal(35, store.TalliesForDay("2026-11-23").Sum(t => t.Meals));
    }

    [Fact]
    public void ElderCells_GainEachGroupsMealsInTheSameStoreAndAfterReopening()
    {
        // Elders 101..103 eat in every group; 104 and 105 only in the last two.
        using (var store = new MealStore(directory, 480))
        {
            store.StoreBatch("S01", Decode(Batches.Meals("T01", 1, 3)), DateTime.UtcNow);
            store.StoreBatch("S01", DecodeAs("T02", Batches.Meals("T02", 1, 3)), DateTime.UtcNow);
        }

        using (var store = new MealStore(directory, 480))
        {
            store.StoreBatch("S01", DecodeAs("T03", Batches.Meals("T03", 1, 5)), DateTime.UtcNow);
            store.StoreBatch("S01", DecodeAs("T04", Batches.Meals("T04", 1, 5)), DateTime.UtcNow);
        }

        using var reopened = new MealStore(directory, 480);
        var expected = new Dictionary<long, int> { [101] = 4, [102] = 4, [103] = 4, [104] = 2, [105] = 2 };
        Assert.Equal(expected, reopened.ElderCellsOf("2026-11").ToDictionary(c => c.ElderId, c => c.Meals.Length));
        Assert.Equal(4, reopened.FoldElderMeals("2026-11"));
        Assert.Equal(0, reopened.FoldElderMeals("2026-11"));
        Assert.Equal(expected, reopened.ElderCellsOf("2026-11").ToDictionary(c => c.ElderId, c => c.Meals.Length));
    }

    private static DecodedBatch DecodeAs(string terminal, byte[] payload)
    {
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(payload, terminal, out var batch));
        return batch!;
    }

    private static byte[] ReadShared(string path)
    {
        var copy = Path.GetTempFileName();
        using (var cp = System.Diagnostics.Process.Start("cp", new[] { path, copy }))
        {
            cp.WaitForExit();
        }

        var bytes = File.ReadAllBytes(copy);
        File.Delete(copy);
        return bytes;
    }
}
