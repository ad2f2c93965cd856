namespace MealGateway.Tests;

/// <summary>
/// How long a test waits for an event (a message, a log line, a request) before calling it a hang.
/// Tests wait on events, never on a timetable; this limit only turns a hang into a failure, so it
/// is generous enough for a machine loaded by stress-ng.
/// </summary>
public static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Awaits the task, failing with what was awaited if it hangs.</summary>
    public static async Task Of(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"hung for {Limit.TotalMinutes} minutes waiting for {what}");
        }
    }
}
