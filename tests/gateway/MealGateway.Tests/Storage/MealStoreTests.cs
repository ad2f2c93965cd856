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
}
