namespace MealTerminal.Device.Tests;

/// <summary>
/// How long a test waits for an event (bytes reaching a fake bus) before calling it a hang. Tests wait
/// on events, never on a timetable; this limit only turns a hang into a failure (as the gateway tests' HangGuard).
/// </summary>
public static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Waits under the lock until the condition holds; the caller pulses the lock when state changes.</summary>
    public static void Until(object gate, Func<bool> condition, string what)
    {
        lock (gate)
        {
            while (!condition())
            {
                if (!Monitor.Wait(gate, Limit))
                {
                    throw new TimeoutException($"hung for {Limit.TotalMinutes} minutes waiting for {what}");
                }
            }
        }
    }
}
