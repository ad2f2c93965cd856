using LiteDB;
using MealGateway.Storage;

namespace MealGateway.Settlement;

/// <summary>Reads statement revisions and the outbox from the gateway's database.</summary>
public sealed class SettlementStore(MealStore store)
{
    internal const string StatementsName = "statements";
    internal const string HeadsName = "statementHeads";
    internal const string OutboxName = "outbox";

    /// <summary>Every revision of a site's month or day, oldest first.</summary>
    public IReadOnlyList<Statement> Revisions(string kind, string site, string period) => store.Read(db =>
        db.GetCollection<StatementDocument>(StatementsName)
            .Find(Query.StartsWith("_id", $"{kind}|{site}|{period}|"))
            .OrderBy(d => d.Revision).Select(d => StatementJson.Read(StatementJson.Decompress(d.Body))).ToList());

    /// <summary>The latest revision, or a given one; null when none.</summary>
    public Statement? Revision(string kind, string site, string period, int? revision = null) => store.Read(db =>
    {
        int? wanted = revision ?? db.GetCollection<StatementHead>(HeadsName).FindById(StatementHead.KeyOf(kind, site, period))?.Revision;
        var document = wanted is null ? null : db.GetCollection<StatementDocument>(StatementsName).FindById(StatementDocument.KeyOf(kind, site, period, wanted.Value));
        return document is null ? null : StatementJson.Read(StatementJson.Decompress(document.Body));
    });

    /// <summary>The JSON an outbox entry sends: its own Body, or the stored revision without its held meals; the same bytes on every attempt.</summary>
    public string JsonOf(OutboxEntry entry) => entry.Body is { Length: > 0 } ? entry.Body : store.Read(db =>
        StatementJson.ForCounty(StatementJson.Decompress(db.GetCollection<StatementDocument>(StatementsName).FindById(entry.StatementId).Body)));

    /// <summary>Latest revision number per (kind, site, period).</summary>
    public IReadOnlyList<StatementHead> Heads() => store.Read(db => db.GetCollection<StatementHead>(HeadsName).FindAll().OrderBy(h => h.Id).ToList());

    /// <summary>Outbox entries not yet delivered, in sending order.</summary>
    public IReadOnlyList<OutboxEntry> Pending() => store.Read(db =>
        db.GetCollection<OutboxEntry>(OutboxName).Find(e => !e.Delivered).OrderBy(e => e.Id).ToList());

    /// <summary>Every outbox entry of a kind (delivered or not), in sending order.</summary>
    public IReadOnlyList<OutboxEntry> Outbox(string kind) => store.Read(db =>
        db.GetCollection<OutboxEntry>(OutboxName).Find(Query.EQ(nameof(OutboxEntry.Kind), kind)).OrderBy(e => e.Id).ToList());

    public (int Pending, int Delivered) OutboxCounts() => store.Read(db =>
    {
        var outbox = db.GetCollection<OutboxEntry>(OutboxName);
        return (outbox.Count(e => !e.Delivered), outbox.Count(e => e.Delivered));
    });

    /// <summary>Records the outcome of a delivery attempt durably.</summary>
    internal void Update(OutboxEntry entry) => store.Durably(db => db.GetCollection<OutboxEntry>(OutboxName).Update(entry));
}
