using System.Threading.Channels;
using MealGateway.Storage;

namespace MealGateway.Ingest;

/// <summary>
/// Group commit: batches that arrive while the previous group is being made durable wait in a queue
/// and are then stored together, in one transaction with one data-file sync. No timer: under light
/// load a group is one batch and is stored at once; under load groups grow by themselves, so the
/// cost of a sync is shared by every terminal that uploaded during it.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<IncomingBatch>, BatchOutcome[]> storeDurably;
    private readonly int maxBatchesPerGroup;
    private readonly Task loop;
    private long groups;
    private long failures;

    /// <param name="storeDurably">Stores a group and returns only when it is durable (MealStore.StoreGroup).</param>
    public GroupCommit(Func<IReadOnlyList<IncomingBatch>, BatchOutcome[]> storeDurably, int maxBatchesPerGroup = 200)
    {
        this.storeDurably = storeDurably;
        this.maxBatchesPerGroup = maxBatchesPerGroup;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Groups stored so far.</summary>
    public long Groups => Interlocked.Read(ref groups);

    /// <summary>Groups whose storing threw; their batches were not acknowledged.</summary>
    public long Failures => Interlocked.Read(ref failures);

    /// <summary>
    /// Queues a batch; the task completes with its outcome (the terminal's durable contiguous prefix, or an identity conflict) once the
    /// group holding it is durable, or faults when storing failed.
    /// </summary>
    public Task<BatchOutcome> StoreAsync(IncomingBatch batch)
    {
        var pending = new Pending(batch, new TaskCompletionSource<BatchOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            pending.Done.SetException(new ObjectDisposedException(nameof(GroupCommit)));
        }

        return pending.Done.Task;
    }

    /// <summary>Stops taking batches, stores what is queued, then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var group = new List<Pending>();
        while (await queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < maxBatchesPerGroup && queue.Reader.TryRead(out var next))
            {
                group.Add(next);
            }

            try
            {
                BatchOutcome[] acknowledged = storeDurably(group.Select(p => p.Batch).ToList());
                Interlocked.Increment(ref groups);
                for (int i = 0; i < group.Count; i++)
                {
                    group[i].Done.SetResult(acknowledged[i]);
                }
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref failures);
                foreach (var p in group)
                {
                    p.Done.SetException(ex);
                }
            }
        }
    }

    private sealed record Pending(IncomingBatch Batch, TaskCompletionSource<BatchOutcome> Done);
}
