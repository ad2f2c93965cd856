namespace MealGateway.Policy;

/// <summary>
/// Checks that on every date any line takes effect, for every site named in the file and for
/// all other sites ("*"), each subsidised meal's subsidy plus co-payment equals the price in
/// force: a statement must never claim more or less than the meal costs.
/// </summary>
internal static class PolicyConsistency
{
    public static IEnumerable<PolicyError> Check(SubsidyPolicy policy)
    {
        var found = new Dictionary<int, PolicyError>();
        var scopes = policy.Prices.Select(p => p.Scope).Concat(policy.Rates.Select(r => r.Scope)).Append(PolicyScope.AllSites).Distinct();
        var keys = policy.Rates.Select(r => (r.Category, r.Period)).Distinct().ToList();
        foreach (string scope in scopes)
        {
            var dates = policy.Prices.Where(p => p.Scope == scope || p.Scope == PolicyScope.AllSites).Select(p => p.From)
                .Concat(policy.Rates.Where(r => r.Scope == scope || r.Scope == PolicyScope.AllSites).Select(r => r.From)).Distinct().Order();
            foreach (var day in dates)
            {
                foreach (var (category, period) in keys)
                {
                    var rate = policy.SubsidyOn(scope, day, category, period);
                    if (rate is null || found.ContainsKey(rate.Line))
                    {
                        continue;
                    }

                    string where = scope == PolicyScope.AllSites ? "所有站点" : $"站点 {scope}";
                    string meal = $"{MealTerminal.Core.Meals.ElderCategory.ChineseName(category)} {policy.PeriodNames[period]}";
                    var price = policy.PriceOn(scope, day, period);
                    if (price is null)
                    {
                        found[rate.Line] = new PolicyError(rate.Line, $"{where}在 {day:yyyy-MM-dd} 没有{policy.PeriodNames[period]}的价格（price 条目），无法核对补贴");
                    }
                    else if (rate.SubsidyFen + rate.CoPaymentFen != price.PriceFen)
                    {
                        int line = price.From > rate.From ? price.Line : rate.Line;
                        found.TryAdd(line, new PolicyError(line,
                            $"{where}自 {day:yyyy-MM-dd} 起 {meal}: 补贴 {Yuan.Format(rate.SubsidyFen)} + 自付 {Yuan.Format(rate.CoPaymentFen)} " +
                            $"= {Yuan.Format(rate.SubsidyFen + rate.CoPaymentFen)} 元，不等于价格 {Yuan.Format(price.PriceFen)} 元（第 {rate.Line} 行与第 {price.Line} 行）"));
                    }
                }
            }
        }

        return found.Values;
    }
}
