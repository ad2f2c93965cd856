using MealGateway.Terminals;

namespace MealGateway.Metrics;

/// <summary>
/// How many terminals are online, silent, offline or never seen, and the backlog their last
/// heartbeats report per site. A terminal is known from its uploads or from a status; liveness
/// is the gateway's own judgement (TerminalLiveness: silent after 3 minutes without a heartbeat).
/// </summary>
public sealed class TerminalCensus
{
    private readonly Dictionary<Liveness, int> counts = [];

    private TerminalCensus()
    {
    }

    /// <summary>Records the last heartbeats report as not yet uploaded, per site.</summary>
    public IReadOnlyDictionary<string, long> BacklogBySite { get; private init; } = new Dictionary<string, long>();

    /// <param name="uploaded">"{site}/{terminal}" of every terminal with stored records.</param>
    /// <param name="statuses">"{site}/{terminal}" to its latest status (StatusBoard.All).</param>
    public static TerminalCensus Of(IEnumerable<string> uploaded, IReadOnlyDictionary<string, TerminalStatusView> statuses, TerminalLiveness liveness)
    {
        var backlog = new Dictionary<string, long>();
        var census = new TerminalCensus { BacklogBySite = backlog };
        foreach (string id in uploaded.Concat(statuses.Keys).Distinct())
        {
            var status = statuses.GetValueOrDefault(id);
            var state = liveness.Of(status);
            census.counts[state] = census.Count(state) + 1;
            string site = id[..Math.Max(id.IndexOf('/'), 0)];
            backlog[site] = backlog.GetValueOrDefault(site) + (status?.LastHeartbeat?.RecordsPending ?? 0);
        }

        return census;
    }

    public int Count(Liveness state) => counts.GetValueOrDefault(state);

    /// <summary>The label value /metrics uses for a state.</summary>
    public static string Label(Liveness state) => state switch
    {
        Liveness.Online => "online",
        Liveness.Silent => "silent",
        Liveness.Offline => "offline",
        _ => "never_seen",
    };
}
