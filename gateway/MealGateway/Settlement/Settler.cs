using MealGateway.Storage;
using MealTerminal.Core.Meals;

namespace MealGateway.Settlement;

/// <summary>Progress of a settlement run: sites done of all sites to settle.</summary>
public readonly record struct SettleProgress(int SitesDone, int Sites);

/// <summary>
/// What a settlement run did: revisions written, statements unchanged, sites refused and why, and
/// statements not written because a settle from a newer snapshot had already written them.
/// </summary>
public sealed record SettleReport(IReadOnlyList<Statement> Revisions, int Unchanged, IReadOnlyList<string> Problems, int Sites, int Superseded = 0);

/// <summary>
/// Settles months from the tallies (never from every record): builds each site's monthly
/// statement and daily tallies, and where the amounts differ from the latest revision writes a new
/// revision and its outbox entry in one durable transaction.
/// </summary>
public sealed class Settler(MealStore store, StatementBuilder builder, string gatewayId, TimeProvider time)
{
    /// <summary>
    /// The seam where tests interleave ingest and other settles: called with "read" once the
    /// month's inputs are read and with "write" before each chunk of statements is written.
    /// </summary>
    public Action<string>? AtStage { get; init; }

    /// <summary>
    /// Settles a month (yyyy-MM) for one site or all sites with meals, daily tallies and monthly
    /// statement. A month not yet begun by the gateway's clock is refused, nothing written.
    /// </summary>
    public SettleReport Settle(string month, string? site = null, IProgress<SettleProgress>? progress = null) =>
        NotBegun(month, time.GetUtcNow(), store.UtcOffsetMinutes) is { } refusal
            ? new SettleReport([], 0, [refusal], 0)
            : Run(month, site is null ? null : [site], includeMonthly: true, dayIsDue: _ => true, progress);

    /// <summary>Why a month (yyyy-MM) cannot be settled: it has not begun at <paramref name="now"/> in local time; null when it has.</summary>
    public static string? NotBegun(string month, DateTimeOffset now, int utcOffsetMinutes)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime.AddMinutes(utcOffsetMinutes));
        return string.CompareOrdinal(month, today.ToString("yyyy-MM")) > 0
            ? $"{month} 尚未开始（网关当前日期 {today:yyyy-MM-dd}），不能结算未来的月份"
            : null;
    }

    /// <summary>
    /// The service's periodic run: settles what changed since it was last settled (late records,
    /// placed records), daily tallies of days before today and monthly statements of months
    /// before this one.
    /// </summary>
    public SettleReport SettleDue(DateOnly today, IProgress<SettleProgress>? progress = null)
    {
        var marks = store.Read(db => db.GetCollection<DirtyMark>(MealStore.DirtyName).FindAll().ToList());
        string thisMonth = today.ToString("yyyy-MM");
        string todayText = today.ToString("yyyy-MM-dd");
        var revisions = new List<Statement>();
        var problems = new List<string>();
        int unchanged = 0, sites = 0, superseded = 0;
        foreach (var month in marks.Select(m => m.Period[..7]).Distinct().Order(StringComparer.Ordinal))
        {
            var due = marks.Where(m => m.Period.StartsWith(month, StringComparison.Ordinal)
                && string.CompareOrdinal(m.Period, m.Kind == StatementKind.Daily ? todayText : thisMonth) < 0).ToList();
            if (due.Count == 0)
            {
                continue;
            }

            var dueDays = due.Where(m => m.Kind == StatementKind.Daily).Select(m => (m.Site, m.Period)).ToHashSet();
            var report = Run(month, due.Select(m => m.Site).Distinct().ToList(), string.CompareOrdinal(month, thisMonth) < 0,
                key => dueDays.Contains(key), progress);
            revisions.AddRange(report.Revisions);
            problems.AddRange(report.Problems);
            unchanged += report.Unchanged;
            sites += report.Sites;
            superseded += report.Superseded;
        }

        return new SettleReport(revisions, unchanged, problems, sites, superseded);
    }

    /// <summary>Sites settled per transaction: bounds memory on a county month, each chunk durable on its own.</summary>
    private const int SitesPerChunk = 50;

    private SettleReport Run(string month, IReadOnlyCollection<string>? sites, bool includeMonthly, Func<(string Site, string Day), bool> dayIsDue, IProgress<SettleProgress>? progress)
    {
        store.FoldElderMeals(month); // only makes the snapshot's read cheaper: readers apply waiting deltas anyway
        var snapshot = SettlementInputs.Snapshot(store, month, sites);
        AtStage?.Invoke("read");
        var writer = new RevisionWriter(gatewayId, time);
        var revisions = new List<Statement>();
        var problems = new List<string>();
        int unchanged = 0, superseded = 0, done = 0;
        foreach (var chunk in snapshot.Sites.Chunk(SitesPerChunk))
        {
            var inputs = chunk.Select(snapshot.For).ToList();
            var results = new (Statement Monthly, List<Statement> Daily, List<string> Problems, bool Ok)[inputs.Count];
            Parallel.For(0, inputs.Count, i =>
            {
                bool ok = builder.TryBuild(inputs[i], out var monthly, out var daily, out var siteProblems);
                results[i] = (monthly, daily, siteProblems, ok);
            });

            var built = new List<Statement>();
            var settledSites = new List<string>();
            foreach (var result in results)
            {
                if (!result.Ok)
                {
                    problems.AddRange(result.Problems);
                    continue;
                }

                settledSites.Add(result.Monthly.Site);
                built.AddRange(result.Daily.Where(d => dayIsDue((d.Site, d.Period))));
                if (includeMonthly)
                {
                    built.Add(result.Monthly);
                }
            }

            AtStage?.Invoke("write");
            var written = store.Durably(db => writer.Write(db, snapshot.Generation, built, month, settledSites, includeMonthly));
            revisions.AddRange(written.Revisions);
            unchanged += written.Unchanged;
            superseded += written.Superseded;
            done += inputs.Count;
            progress?.Report(new SettleProgress(done, snapshot.Sites.Count));
        }

        return new SettleReport(revisions, unchanged, problems, snapshot.Sites.Count, superseded);
    }
}
