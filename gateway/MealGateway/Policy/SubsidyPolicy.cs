namespace MealGateway.Policy;

/// <summary>
/// A parsed, consistent subsidy policy: effective-dated meal prices per site and subsidy and
/// co-payment per elder category and meal period. A line applies from its date until the next
/// line for the same key; a line for one site wins over a line for all sites ("*") while both
/// are in force. Build one with <see cref="PolicyParser"/>.
/// </summary>
public sealed class SubsidyPolicy
{
    private readonly Dictionary<(string Scope, int Period), MealPrice[]> prices;
    private readonly Dictionary<(string Scope, int Category, int Period), SubsidyRate[]> rates;

    private readonly Dictionary<(string Scope, int Category), DeliveryRate[]> deliveries;

    internal SubsidyPolicy(IReadOnlyList<MealPrice> priceLines, IReadOnlyList<SubsidyRate> rateLines, IReadOnlyList<string> periodNames, IReadOnlyList<DeliveryRate>? deliveryLines = null, IReadOnlyList<RegularsRule>? regularsLines = null)
    {
        Regulars = (regularsLines ?? []).OrderBy(r => r.From).ToArray();
        Deliveries = deliveryLines ?? [];
        deliveries = Deliveries.GroupBy(d => (d.Scope, d.Category)).ToDictionary(g => g.Key, g => g.OrderBy(d => d.From).ToArray());
        PeriodNames = periodNames;
        Prices = priceLines;
        Rates = rateLines;
        prices = priceLines.GroupBy(p => (p.Scope, p.Period)).ToDictionary(g => g.Key, g => g.OrderBy(p => p.From).ToArray());
        rates = rateLines.GroupBy(r => (r.Scope, r.Category, r.Period)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.From).ToArray());
    }

    /// <summary>The meal periods the lines name; a line's Period is an index into these.</summary>
    public IReadOnlyList<string> PeriodNames { get; }

    public IReadOnlyList<MealPrice> Prices { get; }

    public IReadOnlyList<SubsidyRate> Rates { get; }

    /// <summary>Delivery fee lines (送餐费), effective-dated per category like the subsidies.</summary>
    public IReadOnlyList<DeliveryRate> Deliveries { get; }

    /// <summary>The welfare-check rule lines (常来), oldest first.</summary>
    public IReadOnlyList<RegularsRule> Regulars { get; }

    /// <summary>The welfare-check rule in force on a day: the newest 常来 line from on or before it, else the default 4 of 7, 14:00.</summary>
    public Welfare.WelfareSetting WelfareOn(DateOnly day)
    {
        var line = Regulars.LastOrDefault(r => r.From <= day);
        return line is null ? new Welfare.WelfareSetting() : new Welfare.WelfareSetting(line.Days, line.Window, line.CutoffMinute);
    }

    /// <summary>The delivery fee line in force for a site and category on a day, or null (no fee).</summary>
    public DeliveryRate? DeliveryOn(string site, DateOnly day, int category) =>
        InForce(deliveries, (site, category), day, d => d.From) ?? InForce(deliveries, (PolicyScope.AllSites, category), day, d => d.From);

    /// <summary>The price line in force for a site and period on a day, or null.</summary>
    public MealPrice? PriceOn(string site, DateOnly day, int period) =>
        InForce(prices, (site, period), day, p => p.From) ?? InForce(prices, (PolicyScope.AllSites, period), day, p => p.From);

    /// <summary>The subsidy line in force for a site, category and period on a day, or null.</summary>
    public SubsidyRate? SubsidyOn(string site, DateOnly day, int category, int period) =>
        InForce(rates, (site, category, period), day, r => r.From) ?? InForce(rates, (PolicyScope.AllSites, category, period), day, r => r.From);

    /// <summary>Price, subsidy and co-payment of one meal; false when the policy has no rate for it.</summary>
    public bool TryRateOn(string site, DateOnly day, int category, int period, out MealRate rate)
    {
        var subsidy = SubsidyOn(site, day, category, period);
        var price = PriceOn(site, day, period);
        rate = subsidy is null || price is null ? new MealRate(0, 0, 0) : new MealRate(price.PriceFen, subsidy.SubsidyFen, subsidy.CoPaymentFen);
        return subsidy is not null && price is not null;
    }

    /// <summary>
    /// Price, subsidy and co-payment of one meal of a period named as the site's configuration names
    /// it: settlement prices a period by its name, whatever position it had at the terminal.
    /// </summary>
    public bool TryRateOn(string site, DateOnly day, int category, string periodName, out MealRate rate)
    {
        int period = PeriodIndex(periodName);
        if (period < 0)
        {
            rate = new MealRate(0, 0, 0);
            return false;
        }

        return TryRateOn(site, day, category, period, out rate);
    }

    public int PeriodIndex(string periodName)
    {
        for (int i = 0; i < PeriodNames.Count; i++)
        {
            if (PeriodNames[i] == periodName)
            {
                return i;
            }
        }

        return -1;
    }

    private static T? InForce<TKey, T>(Dictionary<TKey, T[]> lines, TKey key, DateOnly day, Func<T, DateOnly> fromOf)
        where TKey : notnull
        where T : class
    {
        if (!lines.TryGetValue(key, out var dated))
        {
            return null;
        }

        T? found = null;
        foreach (var line in dated)
        {
            if (fromOf(line) > day)
            {
                break;
            }

            found = line;
        }

        return found;
    }
}
