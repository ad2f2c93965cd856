using LiteDB;
using MealGateway.Storage;
using MealTerminal.Core.Meals;

namespace MealGateway.Settlement;

/// <summary>
/// Everything a month's settlement reads, read together under the store's lock so that tallies,
/// elder cells, anomalies and pending records describe the same moment; Generation says which
/// moment (<see cref="ChangeGeneration"/>).
/// </summary>
internal sealed class MonthSnapshot
{
    public required string Month { get; init; }
    public required long Generation { get; init; }
    public required List<string> Sites { get; init; }
    public required Dictionary<string, SiteMonthTally> Tallies { get; init; }
    public required ILookup<string, ElderMonthCell> Elders { get; init; }
    public required ILookup<string, AnomalyLine> Anomalies { get; init; }
    public required Dictionary<string, int> Pending { get; init; }
    public required ILookup<string, HeldMeal> Held { get; init; }
    public required ILookup<string, Delivery.DeliveryRound> Rounds { get; init; }

    /// <summary>One site's inputs from the snapshot.</summary>
    public SiteMonth For(string site) => new(
        site, Month, Tallies.TryGetValue(site, out var tally) ? tally.Cells().ToList() : [], Elders[site].ToList(),
        Anomalies[site].ToList(), Pending.GetValueOrDefault(site), Held[site].ToList(),
        Tallies.TryGetValue(site, out var delivered) ? delivered.DeliveredCells().ToList() : [], Rounds[site].ToList());
}

/// <summary>
/// Reads a month's snapshot and finds what only a whole month shows: one elder counted at two
/// sites in one meal period, or more often than the period allows at one site, and the meals
/// held for review because of it (<see cref="HeldMeals"/>).
/// </summary>
internal static class SettlementInputs
{
    /// <summary>The month's inputs for the sites asked for, or every site with meals in the month, in one read.</summary>
    public static MonthSnapshot Snapshot(MealStore store, string month, IReadOnlyCollection<string>? sites) => store.Read(db =>
    {
        var tallies = db.GetCollection<SiteMonthTally>(MealStore.TalliesName).Find(Query.EQ(nameof(SiteMonthTally.Month), month)).ToDictionary(t => t.Site);
        var elders = ElderCells.ForMonth(db, month);
        var periods = store.Periods; // read once: the catalogue is a database read, and the checks below ask per cell
        var pending = db.GetCollection<UnplacedRecord>(MealStore.UnplacedName).FindAll().GroupBy(u => u.Site).ToDictionary(g => g.Key, g => g.Count());
        var recorded = store.Anomalies(null, month).Select(a => (a.Site, Line: Line(a))); // the store's lock is re-entrant: same read
        return new MonthSnapshot
        {
            Month = month,
            Generation = ChangeGeneration.Current(db),
            Sites = (sites ?? tallies.Keys).Distinct().Order(StringComparer.Ordinal).ToList(),
            Tallies = tallies,
            Elders = elders.ToLookup(e => e.Site),
            Anomalies = recorded.Concat(CrossSite(elders, periods)).Concat(Repeats(elders, periods)).ToLookup(a => a.Site, a => a.Line),
            Pending = pending,
            Held = HeldMeals.Find(db, month, elders, periods).ToLookup(h => h.Site),
            Rounds = db.GetCollection<Delivery.DeliveryRound>(MealStore.RoundsName).Find(Query.StartsWith(nameof(Delivery.DeliveryRound.Day), month))
                .ToLookup(r => r.Site),
        };
    });

    /// <summary>Every anomaly the month's statements list, per site: those recorded at ingest and those only the month shows.</summary>
    public static List<(string Site, AnomalyLine Line)> Anomalies(MealStore store, string month, string? site) => store.Read(db =>
    {
        var elders = ElderCells.ForMonth(db, month);
        var periods = store.Periods;
        return store.Anomalies(null, month).Select(a => (a.Site, Line: Line(a))).Concat(CrossSite(elders, periods)).Concat(Repeats(elders, periods))
            .Where(a => site is null || a.Site == site)
            .OrderBy(a => a.Site, StringComparer.Ordinal).ThenBy(a => a.Line.Day, StringComparer.Ordinal).ThenBy(a => a.Line.Terminal, StringComparer.Ordinal)
            .ThenBy(a => a.Line.Sequence).ToList();
    });

    private static AnomalyLine Line(AnomalyRecord a) =>
        new(a.Kind, AnomalyKind.ChineseLabel(a.Kind), a.Day, a.Period, a.ElderId, a.Terminal, a.Sequence, a.CardHex ?? string.Empty, a.Detail ?? string.Empty); // LiteDB reads "" back as null

    private static IEnumerable<(string Site, AnomalyLine Line)> CrossSite(List<ElderMonthCell> elders, MealPeriod[] periods)
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
                        elder.Key, string.Empty, 0, string.Empty, $"{PeriodName(periods, meal.Key % 4)}在 {string.Join("、", atSites)} 都有计餐"));
                }
            }
        }
    }

    private static IEnumerable<(string Site, AnomalyLine Line)> Repeats(List<ElderMonthCell> elders, MealPeriod[] periods)
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
                if (counts[code] <= LimitOf(periods, code % 4))
                {
                    continue;
                }

                string day = $"{cell.Month}-{code / 4:D2}";
                yield return (cell.Site, new AnomalyLine(AnomalyKind.RepeatAtSite, AnomalyKind.ChineseLabel(AnomalyKind.RepeatAtSite), day, code % 4,
                    cell.ElderId, string.Empty, 0, string.Empty, $"{PeriodName(periods, code % 4)}计餐 {counts[code]} 次"));
            }
        }
    }

    private static string PeriodName(MealPeriod[] periods, int period) => period < periods.Length ? periods[period].Name : "未知时段";

    private static int LimitOf(MealPeriod[] periods, int period) =>
        period < periods.Length ? Math.Max(1, periods[period].LimitPerElder) : 1;
}
