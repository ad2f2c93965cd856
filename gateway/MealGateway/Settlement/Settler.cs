using LiteDB;
using MealGateway.Storage;
using MealTerminal.Core.Meals;

namespace MealGateway.Settlement;

/// <summary>Progress of a settlement run: sites done of all sites to settle.</summary>
public readonly record struct SettleProgress(int SitesDone, int Sites);

/// <summary>What a settlement run did: revisions written, statements unchanged, sites refused and why.</summary>
public sealed record SettleReport(IReadOnlyList<Statement> Revisions, int Unchanged, IReadOnlyList<string> Problems, int Sites);

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

    /// <summary>Settles a month (yyyy-MM) for one site or all sites with meals, daily tallies and monthly statement.</summary>
    public SettleReport Settle(string month, string? site = null, IProgress<SettleProgress>? progress = null) =>
        Run(month, site is null ? null : [site], includeMonthly: true, dayIsDue: _ => true, progress);

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
        int unchanged = 0, sites = 0;
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
        }

        return new SettleReport(revisions, unchanged, problems, sites);
    }

    /// <summary>Sites settled per transaction: bounds memory on a county month, each chunk durable on its own.</summary>
    private const int SitesPerChunk = 50;

    private SettleReport Run(string month, IReadOnlyCollection<string>? sites, bool includeMonthly, Func<(string Site, string Day), bool> dayIsDue, IProgress<SettleProgress>? progress)
    {
        var all = SettlementInputs.Sites(store, month, sites);
        var eldersOfMonth = SettlementInputs.MonthAnomalies(store, month, builder);
        AtStage?.Invoke("read");
        var revisions = new List<Statement>();
        var problems = new List<string>();
        int unchanged = 0, done = 0;
        foreach (var chunk in all.Chunk(SitesPerChunk))
        {
            var inputs = SettlementInputs.Read(store, month, chunk, eldersOfMonth);
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
            var written = store.Durably(db => Write(db, built, month, settledSites, includeMonthly));
            revisions.AddRange(written.Revisions);
            unchanged += written.Unchanged;
            done += inputs.Count;
            progress?.Report(new SettleProgress(done, all.Count));
        }

        return new SettleReport(revisions, unchanged, problems, all.Count);
    }

    private (List<Statement> Revisions, int Unchanged) Write(LiteDatabase db, List<Statement> built, string month, List<string> settledSites, bool includeMonthly)
    {
        var heads = db.GetCollection<StatementHead>(SettlementStore.HeadsName);
        var documents = db.GetCollection<StatementDocument>(SettlementStore.StatementsName);
        var outbox = db.GetCollection<OutboxEntry>(SettlementStore.OutboxName);
        var now = time.GetUtcNow().UtcDateTime;
        var revisions = new List<Statement>();
        int unchanged = 0;
        foreach (var statement in built)
        {
            var head = heads.FindById(StatementHead.KeyOf(statement.Kind, statement.Site, statement.Period));
            if (head is not null && head.Digest == statement.Digest)
            {
                unchanged++;
                continue;
            }

            if (head is not null)
            {
                var before = StatementJson.Read(StatementJson.Decompress(documents.FindById(StatementDocument.KeyOf(statement.Kind, statement.Site, statement.Period, head.Revision)).Body));
                statement.Changes = StatementChanges.Between(before.Rows, statement.Rows);
            }

            statement.Revision = (head?.Revision ?? 0) + 1;
            statement.Supersedes = head?.Revision ?? 0;
            statement.GeneratedUtc = now;
            statement.IdempotencyKey = $"{gatewayId}:{statement.Kind}:{statement.Site}:{statement.Period}:r{statement.Revision}";
            string documentId = StatementDocument.KeyOf(statement.Kind, statement.Site, statement.Period, statement.Revision);
            documents.Insert(new StatementDocument
            {
                Id = documentId, Kind = statement.Kind, Site = statement.Site, Period = statement.Period, Revision = statement.Revision,
                Digest = statement.Digest, Body = StatementJson.Compress(StatementJson.Write(statement)),
            });
            heads.Upsert(new StatementHead { Id = StatementHead.KeyOf(statement.Kind, statement.Site, statement.Period), Revision = statement.Revision, Digest = statement.Digest });
            outbox.Insert(new OutboxEntry
            {
                IdempotencyKey = statement.IdempotencyKey, Kind = statement.Kind, Site = statement.Site, Period = statement.Period,
                Revision = statement.Revision, StatementId = documentId, CreatedUtc = now, NextAttemptUtc = now,
            });
            revisions.Add(statement);
        }

        var dirty = db.GetCollection<DirtyMark>(MealStore.DirtyName);
        foreach (var statement in built)
        {
            dirty.Delete(DirtyMark.KeyOf(statement.Kind, statement.Site, statement.Period));
        }

        if (includeMonthly)
        {
            foreach (var site in settledSites)
            {
                dirty.Delete(DirtyMark.KeyOf(StatementKind.Monthly, site, month));
            }
        }

        return (revisions, unchanged);
    }
}
