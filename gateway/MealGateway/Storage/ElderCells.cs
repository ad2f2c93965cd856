using LiteDB;

namespace MealGateway.Storage;

/// <summary>
/// The per-elder month cells (which meals each elder had, per site and month) as ingest writes
/// them and settlement reads them. Ingest does not touch the cells: each group appends one
/// <see cref="ElderMealDelta"/> per site and month it counted meals in, in the group's transaction.
/// Readers get the cells with every delta applied in the order they were written, so what they
/// see never depends on whether a fold has run; <see cref="Fold"/> applies a month's deltas to its
/// cells and deletes them in one transaction (settlement runs it before it settles the month).
/// Before this, each group looked up and rewrote every cell it touched: with a new elder per meal
/// that cost ingest as much as the records themselves (docs/benchmarks.md).
/// </summary>
internal static class ElderCells
{
    /// <summary>Bytes per delta entry: u32 elder id, u8 category, u8 meal code.</summary>
    private const int EntrySize = 6;

    /// <summary>The group's new meals of one site and month as one delta document.</summary>
    public static ElderMealDelta DeltaOf(string site, string month, long generation, IEnumerable<(long Elder, int Category, byte Code)> meals)
    {
        var entries = meals.ToList();
        var bytes = new byte[entries.Count * EntrySize];
        for (int i = 0; i < entries.Count; i++)
        {
            var (elder, category, code) = entries[i];
            BitConverter.TryWriteBytes(bytes.AsSpan(i * EntrySize, 4), (uint)elder);
            bytes[(i * EntrySize) + 4] = (byte)category;
            bytes[(i * EntrySize) + 5] = code;
        }

        return new ElderMealDelta { Id = ElderMealDelta.KeyOf(site, month, generation), Site = site, Month = month, Entries = bytes };
    }

    /// <summary>Every elder cell of a month, deltas applied; the caller holds the store's lock.</summary>
    public static List<ElderMonthCell> ForMonth(LiteDatabase db, string month)
    {
        var cells = db.GetCollection<ElderMonthCell>(MealStore.EldersName).Find(Query.EQ(nameof(ElderMonthCell.Month), month))
            .ToDictionary(c => c.Id);
        Apply(cells, DeltasOf(db, month), out _);
        return cells.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Applies a month's deltas to its cells and deletes them; the caller holds the store's lock in a transaction. Returns the deltas folded.</summary>
    public static int Fold(LiteDatabase db, string month)
    {
        var deltas = DeltasOf(db, month);
        if (deltas.Count == 0)
        {
            return 0;
        }

        var collection = db.GetCollection<ElderMonthCell>(MealStore.EldersName);
        var cells = collection.Find(Query.EQ(nameof(ElderMonthCell.Month), month)).ToDictionary(c => c.Id);
        var stored = cells.Keys.ToHashSet();
        Apply(cells, deltas, out var changed);
        collection.Update(changed.Where(stored.Contains).Select(id => cells[id]));
        collection.InsertBulk(changed.Where(id => !stored.Contains(id)).Select(id => cells[id])); // known new: no lookup
        var waiting = db.GetCollection<ElderMealDelta>(MealStore.ElderDeltasName);
        foreach (var delta in deltas)
        {
            waiting.Delete(delta.Id);
        }

        return deltas.Count;
    }

    private static List<ElderMealDelta> DeltasOf(LiteDatabase db, string month) =>
        db.GetCollection<ElderMealDelta>(MealStore.ElderDeltasName).Find(Query.EQ(nameof(ElderMealDelta.Month), month))
            .OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    /// <summary>Appends each delta's meals to its cells (new cells made as needed), deltas in write order.</summary>
    private static void Apply(Dictionary<string, ElderMonthCell> cells, List<ElderMealDelta> deltas, out HashSet<string> changed)
    {
        changed = new HashSet<string>();
        var added = new Dictionary<string, List<byte>>();
        foreach (var delta in deltas)
        {
            for (int at = 0; at + EntrySize <= delta.Entries.Length; at += EntrySize)
            {
                long elder = BitConverter.ToUInt32(delta.Entries, at);
                int category = delta.Entries[at + 4];
                string id = ElderMonthCell.KeyOf(delta.Site, delta.Month, elder, category);
                if (!cells.ContainsKey(id))
                {
                    cells[id] = new ElderMonthCell { Id = id, Site = delta.Site, Month = delta.Month, ElderId = elder, Category = category };
                }

                if (!added.TryGetValue(id, out var meals))
                {
                    added[id] = meals = new List<byte>();
                }

                meals.Add(delta.Entries[at + 5]);
                changed.Add(id);
            }
        }

        foreach (var (id, meals) in added)
        {
            cells[id].Meals = [.. cells[id].Meals, .. meals];
        }
    }
}

/// <summary>One ingest group's new meals at one site in one month, 6 bytes each (<see cref="ElderCells"/>).</summary>
public sealed class ElderMealDelta
{
    /// <summary>"{site}|{yyyy-MM}|{generation:D19}": ordered as written, because each group has its own change generation.</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Month { get; set; } = string.Empty;
    public byte[] Entries { get; set; } = [];

    public static string KeyOf(string site, string month, long generation) => $"{site}|{month}|{generation:D19}";
}
