using LiteDB;

namespace MealGateway.Storage;

/// <summary>
/// A counter that grows by one in every transaction that marks days or months to settle again
/// (ingest, review decisions). Each dirty mark carries the generation that last set it, and a
/// settlement snapshot the generation it was read at: a mark newer than the snapshot is not the
/// snapshot's to clear, and a revision built from an older snapshot than the newest one is not
/// written (docs/settlement.md, "Settling while records arrive").
/// </summary>
internal static class ChangeGeneration
{
    internal const string Name = "generation";
    private const string Key = "changes";

    /// <summary>The generation of the last committed change.</summary>
    public static long Current(LiteDatabase db) => db.GetCollection<GenerationDocument>(Name).FindById(Key)?.Value ?? 0;

    /// <summary>Takes the next generation inside the caller's transaction.</summary>
    public static long Next(LiteDatabase db)
    {
        var collection = db.GetCollection<GenerationDocument>(Name);
        var document = collection.FindById(Key) ?? new GenerationDocument { Id = Key };
        document.Value++;
        collection.Upsert(document);
        return document.Value;
    }

    /// <summary>Marks a site's day or month to settle again at the given generation.</summary>
    public static DirtyMark Mark(string kind, string site, string period, long generation) =>
        new() { Id = DirtyMark.KeyOf(kind, site, period), Kind = kind, Site = site, Period = period, Generation = generation };

    private sealed class GenerationDocument
    {
        public string Id { get; set; } = string.Empty;
        public long Value { get; set; }
    }
}
