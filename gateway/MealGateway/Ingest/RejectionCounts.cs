using System.Collections.Concurrent;

namespace MealGateway.Ingest;

/// <summary>
/// Refused payloads counted by reason, in total and per terminal, for /api/health. Batch refusals
/// count under their BatchRejection name; other channels as "{channel}.{reason}".
/// </summary>
public sealed class RejectionCounts
{
    private readonly ConcurrentDictionary<BatchRejection, long> totals = new();
    private readonly ConcurrentDictionary<string, long> otherTotals = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> byTerminal = new();

    public IReadOnlyDictionary<BatchRejection, long> Totals => totals;

    /// <summary>Refusals on channels other than records, "{channel}.{reason}" to count.</summary>
    public IReadOnlyDictionary<string, long> OtherTotals => otherTotals;

    public void Count(string site, string terminal, BatchRejection reason)
    {
        totals.AddOrUpdate(reason, 1, (_, n) => n + 1);
        CountFor(site, terminal, reason.ToString());
    }

    public void Count(string site, string terminal, string channel, Enum reason)
    {
        string key = $"{channel}.{reason}";
        otherTotals.AddOrUpdate(key, 1, (_, n) => n + 1);
        CountFor(site, terminal, key);
    }

    /// <summary>"{site}/{terminal}" to reason name to count.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, long>> ByTerminal() =>
        byTerminal.OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(t => t.Key, t => t.Value.ToDictionary(r => r.Key, r => r.Value));

    private void CountFor(string site, string terminal, string reason) =>
        byTerminal.GetOrAdd($"{site}/{terminal}", _ => new()).AddOrUpdate(reason, 1, (_, n) => n + 1);
}
