using LiteDB;
using MealGateway.Storage;
using MealTerminal.Core.Meals;

namespace MealGateway.Settlement;

/// <summary>
/// Finds the meals to hold in a month: for each elder, (day, meal period) counted more often than
/// the period's limit across all sites, the meals are ordered by placed time, then site id,
/// terminal id and sequence; the first ones up to the limit are paid, the rest held. Only such
/// slots - rare - are looked up in the records, one key-range scan per site involved.
/// </summary>
internal static class HeldMeals
{
    internal const string DecisionsName = "reviews";

    public static List<HeldMeal> Find(LiteDatabase db, string month, IReadOnlyCollection<ElderMonthCell> elders, MealPeriod[] periods)
    {
        var slots = OverLimit(elders, periods);
        if (slots.Count == 0)
        {
            return [];
        }

        var records = db.GetCollection<StoredRecord>(MealStore.RecordsName);
        var meals = new List<StoredRecord>();
        var heldElders = slots.Keys.Select(k => k.Elder).ToHashSet();
        foreach (var site in elders.Where(e => heldElders.Contains(e.ElderId)).GroupBy(e => e.Site))
        {
            // The engine filters on the elder before a document becomes an object: most of a site's records never do.
            var ofElders = Query.In(nameof(StoredRecord.ElderId), site.Select(e => new BsonValue(e.ElderId)).Distinct());
            meals.AddRange(records.Find(Query.And(Query.StartsWith("_id", site.Key + "/"), ofElders)).Where(r =>
                r.Day is not null && r.Day.StartsWith(month, StringComparison.Ordinal) && VerdictCode.IsMeal(r.Verdict)
                && r.Period < SiteMonthTally.Periods && r.Category is >= 0 and < ElderCategory.Count
                && slots.ContainsKey((r.ElderId, Code(r)))));
        }

        var decisions = db.GetCollection<ReviewDecision>(DecisionsName);
        var held = new List<HeldMeal>();
        foreach (var slot in meals.GroupBy(r => (r.ElderId, Code(r))))
        {
            var ordered = slot.OrderBy(r => r.Time).ThenBy(r => r.Site, StringComparer.Ordinal)
                .ThenBy(r => r.Terminal, StringComparer.Ordinal).ThenBy(r => r.Sequence).ToList();
            int limit = slots[slot.Key];
            string paidFirst = string.Join("、", ordered.Take(limit).Select(r => r.Id));
            foreach (var r in ordered.Skip(limit))
            {
                var decision = decisions.FindById(r.Id);
                held.Add(new HeldMeal(
                    r.Id, r.Site, r.Terminal, r.Sequence, r.ElderId, r.Category, r.Day!, r.Period, LocalTime.FromRecordSeconds((uint)r.Time), paidFirst,
                    decision is null ? HeldMeal.Pending : decision.Decision == "approve" ? HeldMeal.Approved : HeldMeal.Rejected,
                    decision?.By ?? string.Empty, decision?.DecidedUtc, decision?.Reason ?? string.Empty, AtDoor: r.AtDoor));
            }
        }

        return held.OrderBy(h => h.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>(elder, day × 4 + period) counted beyond its limit across all sites, with the limit.</summary>
    private static Dictionary<(long Elder, int Code), int> OverLimit(IReadOnlyCollection<ElderMonthCell> elders, MealPeriod[] periods)
    {
        var slots = new Dictionary<(long, int), int>();
        var counts = new int[128];
        foreach (var elder in elders.GroupBy(e => e.ElderId))
        {
            Array.Clear(counts);
            foreach (var cell in elder)
            {
                foreach (byte code in cell.Meals)
                {
                    counts[code & 0x7F]++;
                }
            }

            for (int code = 0; code < counts.Length; code++)
            {
                int limit = code % 4 < periods.Length ? Math.Max(1, periods[code % 4].LimitPerElder) : 1;
                if (counts[code] > limit)
                {
                    slots[(elder.Key, code)] = limit;
                }
            }
        }

        return slots;
    }

    private static int Code(StoredRecord r) => ElderMonthCell.Code(int.Parse(r.Day.AsSpan(8)), r.Period);
}
