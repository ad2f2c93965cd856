namespace MealGateway.DeskReader;

/// <summary>
/// The last taps at the enrolment desk, newest first, for the operator console (GET /api/desk/taps).
/// Kept in memory only: a tap is a card waiting to be bound to an elder, not a record.
/// </summary>
public sealed class DeskTaps(int capacity = 20)
{
    private readonly Lock gate = new();
    private readonly LinkedList<DeskTap> taps = new();
    private TaskCompletionSource<DeskTap> next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(DeskTap tap)
    {
        TaskCompletionSource<DeskTap> waiting;
        lock (gate)
        {
            taps.AddFirst(tap);
            if (taps.Count > capacity)
            {
                taps.RemoveLast();
            }

            waiting = next;
            next = new TaskCompletionSource<DeskTap>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        waiting.SetResult(tap);
    }

    public DeskTap[] Recent()
    {
        lock (gate)
        {
            return [.. taps];
        }
    }

    /// <summary>Completes with the next tap added (tests and a waiting console wait on it).</summary>
    public Task<DeskTap> NextAsync()
    {
        lock (gate)
        {
            return next.Task;
        }
    }
}
