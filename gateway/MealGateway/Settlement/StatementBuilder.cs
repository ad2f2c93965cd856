using System.Security.Cryptography;
using System.Text;
using MealGateway.Policy;
using MealGateway.Storage;
using MealTerminal.Core.Meals;

namespace MealGateway.Settlement;

/// <summary>What a site's month is built from: its tally cells, elder cells and anomalies.</summary>
public sealed record SiteMonth(
    string Site, string Month, IReadOnlyList<TallyCell> Cells, IReadOnlyList<ElderMonthCell> Elders,
    IReadOnlyList<AnomalyLine> Anomalies, int PendingRecords);

/// <summary>
/// Prices tally cells and elder cells with the policy in force on each day. Pure: the same input
/// gives the same statement (and digest). A meal the policy has no rate for makes the site's month
/// unsettleable, with the day, period and category named.
/// </summary>
public sealed class StatementBuilder(SubsidyPolicy policy, MealPeriod[] periods)
{

    public string PeriodName(int period) => period >= 0 && period < periods.Length ? periods[period].Name : "未知时段";

    /// <summary>The monthly statement and one daily tally per day with meals; or the problems found.</summary>
    public bool TryBuild(SiteMonth input, out Statement monthly, out List<Statement> daily, out List<string> problems)
    {
        problems = [];
        var rates = new Dictionary<(string Day, int Category, int Period), MealRate?>(); // per call: TryBuild runs on several threads
        var rows = new List<StatementRow>();
        foreach (var cell in input.Cells.OrderBy(c => c.Day, StringComparer.Ordinal).ThenBy(c => c.Period).ThenBy(c => c.Category))
        {
            if (!TryRate(rates, input.Site, cell.Day, cell.Category, cell.Period, problems, out var rate))
            {
                continue;
            }

            rows.Add(new StatementRow(cell.Day, cell.Period, PeriodName(cell.Period), cell.Category, ElderCategory.ChineseName(cell.Category),
                cell.Meals, cell.Meals * rate.PriceFen, cell.Meals * rate.SubsidyFen, cell.Meals * rate.CoPaymentFen));
        }

        var elders = new List<ElderLine>();
        foreach (var elder in input.Elders.OrderBy(e => e.ElderId).ThenBy(e => e.Category))
        {
            elders.Add(ElderLineOf(rates, input.Site, input.Month, elder, problems));
        }

        problems = problems.Distinct().ToList();
        monthly = Finish(StatementKind.Monthly, input.Site, input.Month, rows, elders, input.Anomalies, input.PendingRecords);
        daily = rows.GroupBy(r => r.Day)
            .Select(day => Finish(StatementKind.Daily, input.Site, day.Key, day.ToList(), [], input.Anomalies.Where(a => a.Day == day.Key).ToList(), 0))
            .ToList();
        return problems.Count == 0;
    }

    private ElderLine ElderLineOf(Dictionary<(string Day, int Category, int Period), MealRate?> rates, string site, string month, ElderMonthCell elder, List<string> problems)
    {
        var days = new List<int>[periods.Length];
        for (int p = 0; p < days.Length; p++)
        {
            days[p] = [];
        }

        long subsidy = 0, coPayment = 0;
        foreach (int code in elder.Meals)
        {
            int dayOfMonth = code / 4, period = code % 4;
            string day = $"{month}-{dayOfMonth:D2}";
            if (period < days.Length)
            {
                days[period].Add(dayOfMonth);
            }

            if (TryRate(rates, site, day, elder.Category, period, problems, out var rate))
            {
                subsidy += rate.SubsidyFen;
                coPayment += rate.CoPaymentFen;
            }
        }

        return new ElderLine(elder.ElderId, elder.Category, ElderCategory.ChineseName(elder.Category), elder.Meals.Count,
            days.Select(d => d.Order().ToArray()).ToArray(), subsidy, coPayment);
    }

    private bool TryRate(Dictionary<(string Day, int Category, int Period), MealRate?> rates, string site, string day, int category, int period, List<string> problems, out MealRate rate)
    {
        // One site's month asks for at most 31 x 11 x 4 different rates: look each up once.
        if (!rates.TryGetValue((day, category, period), out var known))
        {
            known = policy.TryRateOn(site, DateOnly.ParseExact(day, "yyyy-MM-dd"), category, period, out var found) ? found : null;
            rates[(day, category, period)] = known;
        }

        rate = known ?? new MealRate(0, 0, 0);
        if (known is not null)
        {
            return true;
        }

        problems.Add($"站点 {site} {day} {PeriodName(period)} {ElderCategory.ChineseName(category)}: 补贴政策中没有当日适用的价格或补贴标准");
        return false;
    }

    private static Statement Finish(string kind, string site, string period, List<StatementRow> rows, List<ElderLine> elders, IReadOnlyList<AnomalyLine> anomalies, int pending)
    {
        var totals = rows.Aggregate(Totals.Zero, (t, r) => t.Add(r.Meals, r.PriceFen, r.SubsidyFen, r.CoPaymentFen));
        return new Statement
        {
            Kind = kind, Site = site, Period = period, Totals = totals, Rows = rows, Elders = elders,
            Anomalies = anomalies.ToList(), PendingRecords = pending, Digest = DigestOf(rows, elders),
        };
    }

    /// <summary>SHA-256 over the amounts (rows and elder lines), not over anomalies or timestamps.</summary>
    public static string DigestOf(IEnumerable<StatementRow> rows, IEnumerable<ElderLine> elders)
    {
        var text = new StringBuilder();
        foreach (var r in rows)
        {
            text.Append(r.Day).Append('|').Append(r.Period).Append('|').Append(r.Category).Append('|').Append(r.Meals)
                .Append('|').Append(r.PriceFen).Append('|').Append(r.SubsidyFen).Append('|').Append(r.CoPaymentFen).Append('\n');
        }

        foreach (var e in elders)
        {
            text.Append(e.ElderId).Append('|').Append(e.Category).Append('|').Append(string.Join(';', e.DaysByPeriod.Select(d => string.Join(',', d))))
                .Append('|').Append(e.SubsidyFen).Append('|').Append(e.CoPaymentFen).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
