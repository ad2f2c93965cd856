using System.Collections.Concurrent;

namespace MealGateway.Accounts;

/// <summary>
/// Slows password guessing for operators and terminals alike. Each key (an address, a user name)
/// may fail a few times; the failure that reaches the limit locks it out for a while that doubles
/// with every further failure, up to a cap. A locked-out attempt is refused before any password hash is computed, so
/// guessing costs the gateway no PBKDF2 time. Success clears the key. Pure logic over a clock: the
/// broker and the login endpoint ask it, record the outcome, and do the I/O themselves.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, int freeFailures, TimeSpan firstLockout, TimeSpan maxLockout)
{
    /// <summary>Beyond this many tracked keys, entries that are neither locked nor recent are forgotten.</summary>
    private const int MaxTrackedKeys = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Per user name: the 5th failure locks for 1 s, each further one doubles that, up to 15 min.</summary>
    public static LoginThrottle PerUser(TimeProvider clock) => new(clock, 5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));

    /// <summary>
    /// Per address: the 20th failure locks (terminals of one site may share a NATed address), 1 s
    /// doubling up to 15 min.
    /// </summary>
    public static LoginThrottle PerAddress(TimeProvider clock) => new(clock, 20, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));

    /// <summary>True while the key is locked out: refuse without checking the password.</summary>
    public bool IsLockedOut(string key) =>
        entries.TryGetValue(key, out var entry) && entry.LockedUntil > clock.GetUtcNow();

    public void RecordFailure(string key)
    {
        var now = clock.GetUtcNow();
        if (entries.Count >= MaxTrackedKeys)
        {
            Forget(now);
        }

        entries.AddOrUpdate(key, _ => Next(new Entry(0, DateTimeOffset.MinValue, now), now), (_, e) => Next(e, now));
    }

    public void RecordSuccess(string key) => entries.TryRemove(key, out _);

    private Entry Next(Entry entry, DateTimeOffset now)
    {
        // A key quiet for longer than the longest lockout starts afresh.
        int failures = now - entry.LastFailure > maxLockout ? 1 : entry.Failures + 1;
        int beyond = failures - freeFailures;
        if (beyond < 0)
        {
            return new Entry(failures, entry.LockedUntil, now);
        }

        double seconds = Math.Min(firstLockout.TotalSeconds * Math.Pow(2, Math.Min(beyond, 30)), maxLockout.TotalSeconds);
        return new Entry(failures, now + TimeSpan.FromSeconds(seconds), now);
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, entry) in entries)
        {
            if (entry.LockedUntil <= now && now - entry.LastFailure > maxLockout)
            {
                entries.TryRemove(key, out _);
            }
        }
    }

    private readonly record struct Entry(int Failures, DateTimeOffset LockedUntil, DateTimeOffset LastFailure);
}
