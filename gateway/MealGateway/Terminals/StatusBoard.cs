using System.Collections.Concurrent;

namespace MealGateway.Terminals;

/// <summary>The latest status of one terminal, for GET /api/terminals.</summary>
public sealed record TerminalStatusView(bool Online, DateTime ReceivedUtc, DateTime? LastHeartbeatUtc, StatusReport? LastHeartbeat);

/// <summary>
/// Latest heartbeat per terminal, kept in memory: the broker hands the retained status of every
/// terminal to the gateway when it subscribes, so nothing needs storing. The last will marks a
/// terminal offline and keeps its last heartbeat for the operator.
/// </summary>
public sealed class StatusBoard(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TerminalStatusView> latest = new();

    public void Record(string site, string terminal, StatusReport report)
    {
        var now = time.GetUtcNow().UtcDateTime;
        latest.AddOrUpdate($"{site}/{terminal}",
            _ => report.Online ? new(true, now, now, report) : new(false, now, null, null),
            (_, previous) => report.Online ? new(true, now, now, report) : previous with { Online = false, ReceivedUtc = now });
    }

    public TerminalStatusView? Of(string site, string terminal) => latest.GetValueOrDefault($"{site}/{terminal}");

    /// <summary>"{site}/{terminal}" to its latest status.</summary>
    public IReadOnlyDictionary<string, TerminalStatusView> All() => latest;
}
