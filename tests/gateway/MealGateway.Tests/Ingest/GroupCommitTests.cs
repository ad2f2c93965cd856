using MealGateway.Ingest;
using MealGateway.Storage;

namespace MealGateway.Tests.Ingest;

public sealed class GroupCommitTests
{
    private static IncomingBatch Batch(string terminal, uint first) =>
        BatchDecoder.TryDecode(Batches.Meals(terminal, first, 3), terminal, out var batch) == BatchRejection.None
            ? new IncomingBatch("S01", batch!)
            : throw new InvalidOperationException("test batch did not decode");

    /// <summary>A store that holds every call until released, and remembers the groups it got.</summary>
    private sealed class HeldStore
    {
        public readonly List<int> GroupSizes = new();
        public readonly SemaphoreSlim Entered = new(0);
        public readonly SemaphoreSlim Release = new(0);

        public BatchOutcome[] Store(IReadOnlyList<IncomingBatch> group)
        {
            lock (GroupSizes)
            {
                GroupSizes.Add(group.Count);
            }

            Entered.Release();
            Release.Wait();
            return group.Select(b => new BatchOutcome(BatchRejection.None, (long)b.Batch.FirstSequence + b.Batch.Records.Count - 1, 0)).ToArray();
        }
    }

    [Fact]
    public async Task Acknowledgement_IsNotReadyUntilTheDurableStoreHasReturned()
    {
        var store = new HeldStore();
        await using var commit = new GroupCommit(store.Store);

        var acknowledged = commit.StoreAsync(Batch("T01", 1));
        await store.Entered.WaitAsync();
        Assert.False(acknowledged.IsCompleted);

        store.Release.Release();
        Assert.Equal(3, (await acknowledged).Acknowledged);
    }

    [Fact]
    public async Task BatchesArrivingDuringASync_ShareTheNextGroup()
    {
        var store = new HeldStore();
        await using var commit = new GroupCommit(store.Store);
        var first = commit.StoreAsync(Batch("T01", 1));
        await store.Entered.WaitAsync();

        var waiting = Enumerable.Range(2, 10).Select(i => commit.StoreAsync(Batch($"T{i:D2}", 1))).ToList();
        store.Release.Release(2);
        await first;
        var results = await Task.WhenAll(waiting);

        Assert.Equal(new[] { 1, 10 }, store.GroupSizes);
        Assert.All(results, r => Assert.Equal(3, r.Acknowledged));
        Assert.Equal(2, commit.Groups);
    }

    [Fact]
    public async Task FailedStore_FaultsEveryBatchOfItsGroupAndTheNextGroupStillRuns()
    {
        int calls = 0;
        await using var commit = new GroupCommit(group => ++calls == 1
            ? throw new IOException("disk full")
            : group.Select(_ => new BatchOutcome(BatchRejection.None, 7, 0)).ToArray());

        await Assert.ThrowsAsync<IOException>(() => commit.StoreAsync(Batch("T01", 1)));
        Assert.Equal(7, (await commit.StoreAsync(Batch("T01", 1))).Acknowledged);
        Assert.Equal(1, commit.Failures);
    }
}
