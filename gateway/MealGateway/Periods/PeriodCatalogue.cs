using LiteDB;
using MealGateway.Storage;
using MealTerminal.Core.Meals;

namespace MealGateway.Periods;

/// <summary>
/// The gateway's meal period codes: one per period name, county-wide and never reused, so a tally
/// cell or an elder's meal means the same period whatever configuration recorded it and settlement
/// prices it by name. 早餐, 午餐 and 晚餐 are codes 0, 1 and 2 (what every record before period
/// configurations meant); a configuration naming another period gives it the next free code.
/// The tally layout holds <see cref="SiteMonthTally.Periods"/> codes (docs/settlement.md).
/// </summary>
public static class PeriodCatalogue
{
    internal const string CodesName = "period_codes";

    public const int Capacity = SiteMonthTally.Periods;

    /// <summary>Period names by code, with the largest per-elder limit any configuration gave each.</summary>
    public static MealPeriod[] Read(LiteDatabase db)
    {
        var defaults = TerminalConfig.DefaultPeriods();
        var names = defaults.Select(p => p.Name).ToList();
        var limits = defaults.Select(p => p.LimitPerElder).ToList();
        foreach (var code in db.GetCollection<PeriodCode>(CodesName).FindAll().OrderBy(c => c.Code))
        {
            while (names.Count <= code.Code)
            {
                names.Add(string.Empty);
                limits.Add(1);
            }

            names[code.Code] = code.Id;
            limits[code.Code] = Math.Max(limits[code.Code], code.Limit);
        }

        return names.Select((name, code) => new MealPeriod(name, 0, 24 * 60, limits[code])).ToArray();
    }

    /// <summary>The names among periods that have no code yet and would need one.</summary>
    public static List<string> NewNames(MealPeriod[] catalogue, MealPeriod[] periods) =>
        periods.Select(p => p.Name).Where(n => Array.FindIndex(catalogue, c => c.Name == n) < 0).ToList();

    /// <summary>Gives each period its code (a new one for a new name) inside the caller's transaction.</summary>
    public static int[] Assign(LiteDatabase db, MealPeriod[] periods)
    {
        var collection = db.GetCollection<PeriodCode>(CodesName);
        var catalogue = Read(db);
        var codes = new int[periods.Length];
        for (int i = 0; i < periods.Length; i++)
        {
            int code = Array.FindIndex(catalogue, c => c.Name == periods[i].Name);
            if (code < 0)
            {
                code = catalogue.Length;
                if (code >= Capacity)
                {
                    throw new InvalidOperationException($"period code {code} is beyond the tally layout"); // SiteFiles checks first
                }

                catalogue = [.. catalogue, new MealPeriod(periods[i].Name, 0, 24 * 60, 1)];
            }

            var stored = collection.FindById(periods[i].Name);
            if (stored is null || stored.Limit < periods[i].LimitPerElder)
            {
                collection.Upsert(new PeriodCode { Id = periods[i].Name, Code = code, Limit = Math.Max(periods[i].LimitPerElder, stored?.Limit ?? 1) });
            }

            codes[i] = code;
        }

        return codes;
    }
}
