using LiteDB;
using MealTerminal.Core.Meals;

namespace MealGateway.Storage;

/// <summary>
/// What one ingest transaction adds to the counts: tally cells, the elders' meals (as one
/// <see cref="ElderMealDelta"/> per site and month), anomalies and the days and months to settle
/// again. Each document is read at most once and written once per group.
/// </summary>
internal sealed class CountBook(LiteDatabase db)
{

    private readonly ILiteCollection<SiteMonthTally> tallies = db.GetCollection<SiteMonthTally>(MealStore.TalliesName);
    private readonly ILiteCollection<ElderMealDelta> deltas = db.GetCollection<ElderMealDelta>(MealStore.ElderDeltasName);
    private readonly ILiteCollection<AnomalyRecord> anomalies = db.GetCollection<AnomalyRecord>(MealStore.AnomaliesName);
    private readonly ILiteCollection<DirtyMark> dirty = db.GetCollection<DirtyMark>(MealStore.DirtyName);
    private readonly Dictionary<string, SiteMonthTally> months = new();
    private readonly Dictionary<(string Site, string Month), List<(long Elder, int Category, byte Code)>> elderMeals = new();
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

        if (!elderMeals.TryGetValue((record.Site, month), out var meals))
        {
            elderMeals[(record.Site, month)] = meals = new();
        }

        meals.Add((record.ElderId, record.Category, ElderMonthCell.Code(dayOfMonth, record.Period)));
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
        anomalies.Upsert(flagged.Values);
        if (marks.Count > 0)
        {
            long generation = ChangeGeneration.Next(db);
            foreach (var mark in marks.Values)
            {
                mark.Generation = generation;
            }

            dirty.Upsert(marks.Values);

            // Every counted meal marks its day, so the group has a generation of its own to order its deltas by.
            deltas.Insert(elderMeals.Select(m => ElderCells.DeltaOf(m.Key.Site, m.Key.Month, generation, m.Value)));
        }
    }

    private void Mark(string kind, string site, string period)
    {
        string id = DirtyMark.KeyOf(kind, site, period);
        marks.TryAdd(id, new DirtyMark { Id = id, Kind = kind, Site = site, Period = period });
    }
}
