using LiteDB;

namespace MealGateway.Storage;

/// <summary>
/// Which per-elder month cells are stored, per site and month, so that ingest looks up only cells
/// it will update and inserts new ones without asking the database first. A lookup that misses
/// costs LiteDB as much as an insert: with a new elder in every meal (the load benchmark) those
/// misses were a third of ingest time. Filled per site and month on first use (one index range
/// read); cells a transaction adds count only once it commits. Anything else that writes cells
/// calls <see cref="Forget"/>.
/// </summary>
internal sealed class ElderCellDirectory
{
    private readonly Dictionary<string, HashSet<long>> known = new();
    private readonly List<(string SiteMonth, long Cell)> adding = new();

    /// <summary>True when the cell may be stored (then look it up); false when it certainly is not.</summary>
    public bool MayExist(ILiteCollection<ElderMonthCell> elders, string site, string month, long elder, int category)
    {
        string siteMonth = $"{site}|{month}|";
        if (!known.TryGetValue(siteMonth, out var cells))
        {
            cells = new HashSet<long>();
            foreach (var stored in elders.Find(Query.StartsWith("_id", siteMonth)))
            {
                cells.Add(CellOf(stored.ElderId, stored.Category));
            }

            known[siteMonth] = cells;
        }

        return cells.Contains(CellOf(elder, category));
    }

    /// <summary>A cell the open transaction inserts.</summary>
    public void Adding(string site, string month, long elder, int category) => adding.Add(($"{site}|{month}|", CellOf(elder, category)));

    public void Committed()
    {
        foreach (var (siteMonth, cell) in adding)
        {
            if (known.TryGetValue(siteMonth, out var cells))
            {
                cells.Add(cell);
            }
        }

        adding.Clear();
    }

    public void RolledBack() => adding.Clear();

    public void Forget()
    {
        known.Clear();
        adding.Clear();
    }

    /// <summary>Elder ids are 32-bit and categories below 16, so one long names a cell within its site and month.</summary>
    private static long CellOf(long elder, int category) => (elder << 4) | (uint)category;
}
