using System.Collections.Concurrent;

namespace MealGateway.Ingest;

/// <summary>
/// Logs refused payloads without letting a misbehaving terminal flood the log (10,000 bad batches
/// once made 20,000 lines): the first refusal from a terminal in an interval is logged at once, the
/// rest are counted and summarised in one line per terminal when the interval ends. The counts for
/// /api/health stay exact (RejectionCounts); this only decides what reaches the log.
/// </summary>
public sealed class RefusalLog : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> suppressed = new(StringComparer.Ordinal);
    private readonly ITimer timer;

    public RefusalLog(ILogger logger, TimeProvider clock)
    {
        this.logger = logger;
        timer = clock.CreateTimer(_ => Summarise(), null, Interval, Interval);
    }

    /// <summary>A refusal of what a terminal sent ("records", "status"...), for the given reason.</summary>
    public void Note(string site, string terminal, string channel, string reason)
    {
        string key = $"{site}/{terminal}";
        var counts = suppressed.GetOrAdd(key, _ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        if (counts.IsEmpty && counts.TryAdd(string.Empty, 0))
        {
            logger.LogWarning("Refused {Channel} from {Terminal}: {Reason} (further refusals from it are summarised every {Seconds} s)", channel, key, reason, Interval.TotalSeconds);
            return;
        }

        counts.AddOrUpdate($"{channel}.{reason}", 1, (_, n) => n + 1);
    }

    /// <summary>One line per terminal with refusals since the last summary; then each starts afresh.</summary>
    public void Summarise()
    {
        foreach (var (terminal, counts) in suppressed)
        {
            suppressed.TryRemove(terminal, out _);
            var reasons = counts.Where(c => c.Key.Length > 0).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
            if (reasons.Count > 0)
            {
                logger.LogWarning("Refused {Count} more payloads from {Terminal} in the last {Seconds} s: {Reasons}",
                    reasons.Sum(r => r.Value), terminal, Interval.TotalSeconds, string.Join(", ", reasons.Select(r => $"{r.Key} {r.Value}")));
            }
        }
    }

    public void Dispose() => timer.Dispose();
}
