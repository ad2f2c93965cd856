using LiteDB;
using MealTerminal.Core.Meals;

namespace MealGateway.Periods;

/// <summary>
/// Keeps the periods of every configuration version the gateway issues, in the transaction that
/// stores the configuration: the gateway issued them, so it can always read a record made under
/// them, however late the record arrives.
/// </summary>
public static class SitePeriods
{
    internal const string CollectionName = "site_periods";

    /// <summary>Stores the periods of a site's new configuration version and gives their names codes.</summary>
    public static SitePeriodSet Register(LiteDatabase db, string site, long version, ConfigValues values)
    {
        var set = SitePeriodSet.From(site, version, values.UtcOffsetMinutes, values.Periods, PeriodCatalogue.Assign(db, values.Periods));
        db.GetCollection<SitePeriodSet>(CollectionName).Upsert(set);
        return set;
    }

    /// <summary>Every stored version of a site's periods, oldest first.</summary>
    public static IReadOnlyList<SitePeriodSet> Of(LiteDatabase db, string site) =>
        db.GetCollection<SitePeriodSet>(CollectionName).Find(s => s.Site == site).OrderBy(s => s.Version).ToList();
}
