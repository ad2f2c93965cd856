using LiteDB;
using MealGateway.Storage;

namespace MealGateway.Settlement;

/// <summary>
/// Reads what a month's settlement needs from the tallies - tally cells, elder cells, anomalies,
/// pending records - and finds the anomalies only a whole month shows: one elder counted at two
/// sites in one meal period, or more often than the period allows at one site.
/// </summary>
internal sealed record MonthElders(ILookup<string, ElderMonthCell> BySite, ILookup<string, AnomalyLine> Anomalies);

internal static class SettlementInputs
{
    /// <summary>The sites to settle: those asked for, or every site with meals in the month.</summary>
    public static List<string> Sites(MealStore store, string month, IReadOnlyCollection<string>? sites) =>
        (sites ?? store.Read(db => db.GetCollection<SiteMonthTally>(MealStore.TalliesName).Find(Query.EQ(nameof(SiteMonthTally.Month), month))
            .Select(t => t.Site).ToList())).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Elder cells of the month for every site, and the anomalies found across them.</summary>
    public static MonthElders MonthAnomalies(MealStore store, string month, StatementBuilder builder)
    {
        var elders = store.Read(db => db.GetCollection<ElderMonthCell>(MealStore.EldersName).Find(Query.EQ(nameof(ElderMonthCell.Month), month)).ToList());
        var anomalies = CrossSite(elders, builder).Concat(Repeats(elders, store, builder)).ToLookup(a => a.Site, a => a.Line);
        return new MonthElders(elders.ToLookup(e => e.Site), anomalies);
    }

    public static List<SiteMonth> Read(MealStore store, string month, IReadOnlyCollection<string> sites, MonthElders elders)
    {
        var (tallies, pending) = store.Read(db =>
        {
            var tallies = db.GetCollection<SiteMonthTally>(MealStore.TalliesName).Find(Query.EQ(nameof(SiteMonthTally.Month), month))
                .Where(t => sites.Contains(t.Site)).ToDictionary(t => t.Site);
            var pending = db.GetCollection<UnplacedRecord>(MealStore.UnplacedName).FindAll()
                .GroupBy(u => u.Site).ToDictionary(g => g.Key, g => g.Count());
            return (tallies, pending);
        });
        var ingestAnomalies = store.Anomalies(null, month).ToLookup(a => a.Site);
        return sites.Select(site => new SiteMonth(
            site, month, tallies.TryGetValue(site, out var tally) ? tally.Cells().ToList() : [], elders.BySite[site].ToList(),
            ingestAnomalies[site].Select(Line).Concat(elders.Anomalies[site]).ToList(),
            pending.GetValueOrDefault(site))).ToList();
    }

    private static AnomalyLine Line(AnomalyRecord a) =>
        new(a.Kind, AnomalyKind.ChineseLabel(a.Kind), a.Day, a.Period, a.ElderId, a.Terminal, a.Sequence, a.CardHex ?? string.Empty, a.Detail ?? string.Empty); // LiteDB reads "" back as null

    private static IEnumerable<(string Site, AnomalyLine Line)> CrossSite(List<ElderMonthCell> elders, StatementBuilder builder)
    {
        foreach (var elder in elders.GroupBy(e => e.ElderId).Where(g => g.Select(e => e.Site).Distinct().Count() > 1))
        {
            var sitesByMeal = elder.SelectMany(cell => cell.Meals.Distinct().Select(code => (code, cell.Site)))
                .GroupBy(m => m.code).Where(g => g.Select(m => m.Site).Distinct().Count() > 1);
            foreach (var meal in sitesByMeal)
            {
                var atSites = meal.Select(m => m.Site).Distinct().Order(StringComparer.Ordinal).ToList();
                string day = $"{elder.First().Month}-{meal.Key / 4:D2}";
                foreach (var site in atSites)
                {
                    yield return (site, new AnomalyLine(AnomalyKind.TwoSites, AnomalyKind.ChineseLabel(AnomalyKind.TwoSites), day, meal.Key % 4,
                        elder.Key, string.Empty, 0, string.Empty, $"{builder.PeriodName(meal.Key % 4)}在 {string.Join("、", atSites)} 都有计餐"));
                }
            }
        }
    }

    private static IEnumerable<(string Site, AnomalyLine Line)> Repeats(List<ElderMonthCell> elders, MealStore store, StatementBuilder builder)
    {
        var counts = new int[128];
        foreach (var cell in elders)
        {
            Array.Clear(counts);
            foreach (byte code in cell.Meals)
            {
                counts[code & 0x7F]++;
            }

            for (int code = 0; code < counts.Length; code++)
            {
                if (counts[code] <= LimitOf(store, code % 4))
                {
                    continue;
                }

                string day = $"{cell.Month}-{code / 4:D2}";
                yield return (cell.Site, new AnomalyLine(AnomalyKind.RepeatAtSite, AnomalyKind.ChineseLabel(AnomalyKind.RepeatAtSite), day, code % 4,
                    cell.ElderId, string.Empty, 0, string.Empty, $"{builder.PeriodName(code % 4)}计餐 {counts[code]} 次"));
            }
        }
    }

    private static int LimitOf(MealStore store, int period) =>
        period < store.Periods.Length ? Math.Max(1, store.Periods[period].LimitPerElder) : 1;
}
