using MealGateway.Storage;

namespace MealGateway.Tests.ExactlyOnce;

/// <summary>
/// What the gateway holds for one terminal against what the terminal recorded: sequences missing,
/// and sequences counted more than once (as records, in the terminal's stored count, or in the
/// tallies). Azure IoT Edge's test modules count deliveries the same way.
/// </summary>
public sealed record DeliveryAudit(string Terminal, int Expected, int Missing, int Duplicates)
{
    public static DeliveryAudit Of(MealStore store, string site, string terminal, int recorded, string day)
    {
        var sequences = store.RecordsOf(site, terminal).Select(r => r.Sequence).ToList();
        var distinct = sequences.ToHashSet();
        int missing = Enumerable.Range(1, recorded).Count(s => !distinct.Contains(s));
        long counted = store.Terminals().SingleOrDefault(t => t.Site == site && t.Terminal == terminal)?.RecordsStored ?? 0;
        int tallied = store.TalliesForDay(day).Where(c => c.Site == site).Sum(c => c.Meals);
        int duplicates = (sequences.Count - distinct.Count) + (int)Math.Max(0, counted - distinct.Count);
        return new DeliveryAudit($"{site}/{terminal}", recorded, missing, duplicates) { TalliedAtSite = tallied };
    }

    /// <summary>Meals tallied at the terminal's site (each test puts one terminal per site).</summary>
    public int TalliedAtSite { get; init; }
}
