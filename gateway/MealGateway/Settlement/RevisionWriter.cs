using LiteDB;
using MealGateway.Storage;

namespace MealGateway.Settlement;

/// <summary>
/// Writes built statements inside one transaction: a new revision and its outbox entry where the
/// amounts changed, never a snapshot older than the one the head was built from, and the dirty
/// marks the snapshot covered - only those not set again since it was read.
/// </summary>
internal sealed class RevisionWriter(string gatewayId, TimeProvider time)
{
    public (List<Statement> Revisions, int Unchanged, int Superseded) Write(
        LiteDatabase db, long generation, List<Statement> built, string month, List<string> settledSites, bool includeMonthly)
    {
        var heads = db.GetCollection<StatementHead>(SettlementStore.HeadsName);
        var documents = db.GetCollection<StatementDocument>(SettlementStore.StatementsName);
        var outbox = db.GetCollection<OutboxEntry>(SettlementStore.OutboxName);
        var now = time.GetUtcNow().UtcDateTime;
        var revisions = new List<Statement>();
        int unchanged = 0, superseded = 0;
        foreach (var statement in built)
        {
            var head = heads.FindById(StatementHead.KeyOf(statement.Kind, statement.Site, statement.Period));
            if (head is not null && head.Generation > generation)
            {
                superseded++; // a settle that read later already wrote this statement
                continue;
            }

            if (head is not null && head.Digest == statement.Digest)
            {
                if (head.Generation < generation)
                {
                    head.Generation = generation;
                    heads.Update(head);
                }

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
            heads.Upsert(new StatementHead
            {
                Id = StatementHead.KeyOf(statement.Kind, statement.Site, statement.Period), Revision = statement.Revision, Digest = statement.Digest, Generation = generation,
            });
            outbox.Insert(new OutboxEntry
            {
                IdempotencyKey = statement.IdempotencyKey, Kind = statement.Kind, Site = statement.Site, Period = statement.Period,
                Revision = statement.Revision, StatementId = documentId, CreatedUtc = now, NextAttemptUtc = now,
            });
            revisions.Add(statement);
        }

        var covered = built.Select(s => DirtyMark.KeyOf(s.Kind, s.Site, s.Period));
        if (includeMonthly)
        {
            covered = covered.Concat(settledSites.Select(site => DirtyMark.KeyOf(StatementKind.Monthly, site, month)));
        }

        ClearCovered(db.GetCollection<DirtyMark>(MealStore.DirtyName), covered.Distinct(), generation);
        return (revisions, unchanged, superseded);
    }

    /// <summary>Deletes the marks the snapshot saw; a mark set again after it (a newer generation) stays due.</summary>
    private static void ClearCovered(ILiteCollection<DirtyMark> dirty, IEnumerable<string> keys, long generation)
    {
        foreach (string key in keys)
        {
            if (dirty.FindById(key) is { } mark && mark.Generation <= generation)
            {
                dirty.Delete(key);
            }
        }
    }
}
