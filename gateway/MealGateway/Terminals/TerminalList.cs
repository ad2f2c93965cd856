using MealGateway.Storage;

namespace MealGateway.Terminals;

/// <summary>One row of GET /api/terminals: what was uploaded and what the terminal last reported.</summary>
public sealed record TerminalRow(
    string Id, string Site, string Terminal, long ContiguousSequence, long RecordsStored, long HighestSequence,
    DateTime? LastBatchUtc, bool? Online, DateTime? StatusReceivedUtc, DateTime? LastHeartbeatUtc, StatusReport? Status,
    IdentityView? Identity = null);

/// <summary>
/// A terminal's ledger identity: the epoch stored (hex), the epochs accepted since, and while one is
/// refused, the refused epoch and why (resolved by terminal reset-epoch or POST .../reset-epoch).
/// </summary>
public sealed record IdentityView(string Epoch, int Generation, string? ConflictEpoch, DateTime? ConflictSinceUtc, string? Conflict,
    long BatchesRefusedForConflict, IReadOnlyList<EpochChange> EpochChanges)
{
    public static IdentityView Of(TerminalState t) => new(
        t.Epoch.ToString("x8"), t.Generation, t.ConflictEpoch?.ToString("x8"), t.ConflictSinceUtc,
        t.ConflictEpoch is null ? null : t.ConflictDetail, t.BatchesRefusedForConflict, t.EpochChanges);
}

public static class TerminalList
{
    /// <summary>Every terminal that uploaded or reported a status, in id order.</summary>
    public static IReadOnlyList<TerminalRow> Rows(IReadOnlyList<TerminalState> uploads, StatusBoard statuses)
    {
        var byId = uploads.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var ids = byId.Keys.Union(statuses.All().Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return ids.Select(id =>
        {
            byId.TryGetValue(id, out var upload);
            var status = statuses.All().GetValueOrDefault(id);
            int slash = id.IndexOf('/');
            return new TerminalRow(id, id[..slash], id[(slash + 1)..], upload?.ContiguousSequence ?? 0, upload?.RecordsStored ?? 0,
                upload?.HighestSequence ?? 0, upload?.LastBatchUtc, status?.Online, status?.ReceivedUtc, status?.LastHeartbeatUtc, status?.LastHeartbeat,
                upload is null ? null : IdentityView.Of(upload));
        }).ToList();
    }
}
