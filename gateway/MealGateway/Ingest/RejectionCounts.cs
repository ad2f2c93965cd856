using System.Collections.Concurrent;

namespace MealGateway.Ingest;

/// <summary>Refused batches counted by reason, in total and per terminal, for /api/health.</summary>
public sealed class RejectionCounts
{
    private readonly ConcurrentDictionary<BatchRejection, long> totals = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<BatchRejection, long>> byTerminal = new();

    public IReadOnlyDictionary<BatchRejection, long> Totals => totals;

    public void Count(string site, string terminal, BatchRejection reason)
    {
        totals.AddOrUpdate(reason, 1, (_, n) => n + 1);
        byTerminal.GetOrAdd($"{site}/{terminal}", _ => new()).AddOrUpdate(reason, 1, (_, n) => n + 1);
    }

    /// <summary>"{site}/{terminal}" to reason name to count.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, long>> ByTerminal() =>
        byTerminal.OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(t => t.Key, t => t.Value.ToDictionary(r => r.Key.ToString(), r => r.Value));
}
