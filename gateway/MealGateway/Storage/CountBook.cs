using LiteDB;
using MealTerminal.Core.Meals;

namespace MealGateway.Storage;

/// <summary>
/// What one ingest transaction adds to the counts: tally cells, per-elder month cells, anomalies
/// and the days and months to settle again. Each document is read at most once and written once
/// per group.
/// </summary>
internal sealed class CountBook(LiteDatabase db, ElderCellDirectory cells)
{

    private readonly ILiteCollection<SiteMonthTally> tallies = db.GetCollection<SiteMonthTally>(MealStore.TalliesName);
    private readonly ILiteCollection<ElderMonthCell> elders = db.GetCollection<ElderMonthCell>(MealStore.EldersName);
    private readonly ILiteCollection<AnomalyRecord> anomalies = db.GetCollection<AnomalyRecord>(MealStore.AnomaliesName);
    private readonly ILiteCollection<DirtyMark> dirty = db.GetCollection<DirtyMark>(MealStore.DirtyName);
    private readonly Dictionary<string, SiteMonthTally> months = new();
    private readonly Dictionary<string, ElderMeals> elderMeals = new();
    private readonly Dictionary<string, AnomalyRecord> flagged = new();
    private readonly Dictionary<string, DirtyMark> marks = new();

    /// <summary>
    /// Counts a meal that has a day and a meal period; anything else is not a counted meal. A meal
    /// with a category outside the policy's eleven is flagged for review instead of being counted.
    /// </summary>
    public void Count(StoredRecord record)
    {
        if (record.Day is null || !VerdictCode.IsMeal(record.Verdict) || record.Period >= TerminalConfig.MaxPeriods)
        {
            return;
        }

        if (record.Category is < 0 or >= ElderCategory.Count)
        {
            Flag(record, AnomalyKind.UnknownCategory, $"老人类别 {record.Category} 无效，未计入统计");
            return;
        }

        string month = record.Day[..7];
        string id = SiteMonthTally.KeyOf(record.Site, month);
        if (!months.TryGetValue(id, out var tally))
        {
            tally = tallies.FindById(id) ?? new SiteMonthTally { Id = id, Site = record.Site, Month = month };
            months[id] = tally;
        }

        int dayOfMonth = int.Parse(record.Day[8..]);
        tally.Counts[SiteMonthTally.IndexOf(dayOfMonth, record.Period, record.Category)]++;
        if (record.AtDoor)
        {
            if (tally.Delivered.Length != tally.Counts.Length)
            {
                tally.Delivered = new int[tally.Counts.Length]; // a tally stored before delivery existed
            }

            tally.Delivered[SiteMonthTally.IndexOf(dayOfMonth, record.Period, record.Category)]++;
        }

        string elderId = ElderMonthCell.KeyOf(record.Site, month, record.ElderId, record.Category);
        if (!elderMeals.TryGetValue(elderId, out var meals))
        {
            meals = new ElderMeals(new ElderMonthCell
            {
                Id = elderId, Site = record.Site, Month = month, ElderId = record.ElderId, Category = record.Category,
            });
            elderMeals[elderId] = meals;
        }

        meals.Added.Add(ElderMonthCell.Code(dayOfMonth, record.Period));
        Mark("daily", record.Site, record.Day);
        Mark("monthly", record.Site, month);
    }

    public void Flag(StoredRecord record, string kind, string detail)
    {
        string id = $"{record.Id}/{kind}";
        flagged[id] = new AnomalyRecord
        {
            Id = id, Kind = kind, Site = record.Site, Terminal = record.Terminal, Sequence = record.Sequence,
            Day = record.Day, Period = record.Period, ElderId = record.ElderId, CardHex = record.CardHex, Detail = detail,
        };
    }

    public void Write()
    {
        tallies.Upsert(months.Values);
        WriteElderCells();
        anomalies.Upsert(flagged.Values);
        if (marks.Count > 0)
        {
            long generation = ChangeGeneration.Next(db);
            foreach (var mark in marks.Values)
            {
                mark.Generation = generation;
            }

            dirty.Upsert(marks.Values);
        }
    }

    /// <summary>
    /// Adds the group's meals to the per-elder cells: a stored cell is looked up once per group and
    /// updated, a new one (known from <see cref="ElderCellDirectory"/>) inserted without a lookup.
    /// Upsert looked every cell up twice.
    /// </summary>
    private void WriteElderCells()
    {
        var fresh = new List<ElderMonthCell>();
        var stored = new List<ElderMonthCell>();
        foreach (var (id, meals) in elderMeals)
        {
            var added = meals.Cell;
            var cell = cells.MayExist(elders, added.Site, added.Month, added.ElderId, added.Category) ? elders.FindById(id) : null;
            if (cell is null)
            {
                cells.Adding(added.Site, added.Month, added.ElderId, added.Category);
            }

            (cell is null ? fresh : stored).Add(cell ??= added);
            cell.Meals = [.. cell.Meals, .. meals.Added];
        }

        elders.InsertBulk(fresh);
        elders.Update(stored);
    }

    private void Mark(string kind, string site, string period)
    {
        string id = DirtyMark.KeyOf(kind, site, period);
        marks.TryAdd(id, new DirtyMark { Id = id, Kind = kind, Site = site, Period = period });
    }
}

/// <summary>One elder cell of the group: the stored (or new) cell and the meal codes the group adds to it.</summary>
internal sealed class ElderMeals(ElderMonthCell cell)
{
    public ElderMonthCell Cell { get; } = cell;

    public List<byte> Added { get; } = new();
}
