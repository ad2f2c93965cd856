using System.Security.Cryptography;
using System.Text;
using MealGateway.Policy;
using MealGateway.Storage;
using MealTerminal.Core.Meals;

namespace MealGateway.Settlement;

/// <summary>What a site's month is built from: its tally cells, elder cells, anomalies and held meals.</summary>
public sealed record SiteMonth(
    string Site, string Month, IReadOnlyList<TallyCell> Cells, IReadOnlyList<ElderMonthCell> Elders,
    IReadOnlyList<AnomalyLine> Anomalies, int PendingRecords, IReadOnlyList<HeldMeal>? Held = null,
    IReadOnlyList<TallyCell>? Delivered = null, IReadOnlyList<Delivery.DeliveryRound>? Rounds = null);

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
        var rates = new RateCache(input.Site, input.Month, policy, periods); // per call: TryBuild runs on several threads
        var found = problems;
        var held = (input.Held ?? []).Select(h => Priced(rates, h, found)).ToList();
        var unpaid = held.Where(h => !h.Paid).ToList();
        var rows = new List<StatementRow>();
        foreach (var cell in input.Cells.OrderBy(c => c.Day, StringComparer.Ordinal).ThenBy(c => c.Period).ThenBy(c => c.Category))
        {
            int meals = cell.Meals - unpaid.Count(h => h.Day == cell.Day && h.Period == cell.Period && h.Category == cell.Category);
            if (meals <= 0 || !TryRate(rates, int.Parse(cell.Day.AsSpan(8)), cell.Category, cell.Period, problems, out var rate))
            {
                continue;
            }

            rows.Add(new StatementRow(cell.Day, cell.Period, PeriodName(cell.Period), cell.Category, ElderCategory.ChineseName(cell.Category),
                meals, meals * rate.PriceFen, meals * rate.SubsidyFen, meals * rate.CoPaymentFen));
        }

        var elders = new List<ElderLine>();
        foreach (var elder in input.Elders.OrderBy(e => e.ElderId).ThenBy(e => e.Category))
        {
            var paid = WithoutHeld(elder, unpaid);
            if (paid.Meals.Length > 0)
            {
                elders.Add(ElderLineOf(rates, paid, problems));
            }
        }

        problems = problems.Distinct().ToList();
        var delivered = DeliveryLines.Rows(policy, input, unpaid, PeriodName);
        var rounds = DeliveryLines.Rounds(input);
        monthly = Finish(StatementKind.Monthly, input.Site, input.Month, rows, elders, input.Anomalies, input.PendingRecords, held, delivered, rounds);
        daily = rows.Select(r => r.Day).Concat(held.Select(h => h.Day)).Concat(delivered.Select(d => d.Day)).Distinct().Order(StringComparer.Ordinal)
            .Select(day => Finish(StatementKind.Daily, input.Site, day, rows.Where(r => r.Day == day).ToList(), [],
                input.Anomalies.Where(a => a.Day == day).ToList(), 0, held.Where(h => h.Day == day).ToList(),
                delivered.Where(d => d.Day == day).ToList(), rounds.Where(r => r.Day == day).ToList()))
            .ToList();
        return problems.Count == 0;
    }

    /// <summary>A held meal with what it would be paid.</summary>
    private HeldMeal Priced(RateCache rates, HeldMeal meal, List<string> problems) =>
        TryRate(rates, int.Parse(meal.Day.AsSpan(8)), meal.Category, meal.Period, problems, out var rate)
            ? meal with { PriceFen = rate.PriceFen, SubsidyFen = rate.SubsidyFen, CoPaymentFen = rate.CoPaymentFen }
            : meal;

    /// <summary>An elder cell without its meals held unpaid (one code per held meal).</summary>
    private static ElderMonthCell WithoutHeld(ElderMonthCell elder, List<HeldMeal> unpaid)
    {
        var codes = unpaid.Where(h => h.ElderId == elder.ElderId && h.Category == elder.Category)
            .Select(h => ElderMonthCell.Code(int.Parse(h.Day.AsSpan(8)), h.Period)).ToList();
        if (codes.Count == 0)
        {
            return elder;
        }

        var meals = new List<byte>(elder.Meals.Length);
        foreach (byte code in elder.Meals)
        {
            if (!codes.Remove(code))
            {
                meals.Add(code);
            }
        }

        return new ElderMonthCell { Id = elder.Id, Site = elder.Site, Month = elder.Month, ElderId = elder.ElderId, Category = elder.Category, Meals = [.. meals] };
    }

    private ElderLine ElderLineOf(RateCache rates, ElderMonthCell elder, List<string> problems)
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
            if (period < days.Length)
            {
                days[period].Add(dayOfMonth);
            }

            if (TryRate(rates, dayOfMonth, elder.Category, period, problems, out var rate))
            {
                subsidy += rate.SubsidyFen;
                coPayment += rate.CoPaymentFen;
            }
        }

        return new ElderLine(elder.ElderId, elder.Category, ElderCategory.ChineseName(elder.Category), elder.Meals.Length,
            days.Select(d => d.Order().ToArray()).ToArray(), subsidy, coPayment);
    }

    private bool TryRate(RateCache rates, int dayOfMonth, int category, int period, List<string> problems, out MealRate rate)
    {
        if (rates.TryGet(dayOfMonth, category, period, out rate))
        {
            return true;
        }

        problems.Add($"站点 {rates.Site} {rates.Month}-{dayOfMonth:D2} {PeriodName(period)} {ElderCategory.ChineseName(category)}: 补贴政策中没有当日适用的价格或补贴标准");
        return false;
    }

    /// <summary>A site's month asks for at most 32 × 4 × 11 different rates: each is looked up in the policy once.</summary>
    private sealed class RateCache(string site, string month, SubsidyPolicy policy, MealPeriod[] periods)
    {
        private readonly MealRate?[] rates = new MealRate?[SiteMonthTally.Days * SiteMonthTally.Periods * ElderCategory.Count];
        private readonly bool[] known = new bool[SiteMonthTally.Days * SiteMonthTally.Periods * ElderCategory.Count];

        public string Site => site;

        public string Month => month;

        public bool TryGet(int dayOfMonth, int category, int period, out MealRate rate)
        {
            int at = SiteMonthTally.IndexOf(dayOfMonth, period, category);
            if (!known[at])
            {
                known[at] = true;
                var day = DateOnly.ParseExact($"{month}-{dayOfMonth:D2}", "yyyy-MM-dd");
                // Period codes are the gateway's (Periods/PeriodCatalogue); the policy names periods.
                rates[at] = period < periods.Length && policy.TryRateOn(site, day, category, periods[period].Name, out var found) ? found : null;
            }

            rate = rates[at] ?? new MealRate(0, 0, 0);
            return rates[at] is not null;
        }
    }

    private static Statement Finish(
        string kind, string site, string period, List<StatementRow> rows, List<ElderLine> elders, IReadOnlyList<AnomalyLine> anomalies, int pending, List<HeldMeal> held,
        List<DeliveryRow> delivered, List<RoundLine> rounds)
    {
        var deliveryTotals = delivered.Aggregate(Totals.Zero, (t, d) => t.Add(d.Meals, d.FeeFen, d.SubsidyFen, d.CoPaymentFen));
        var totals = rows.Aggregate(Totals.Zero, (t, r) => t.Add(r.Meals, r.PriceFen, r.SubsidyFen, r.CoPaymentFen));
        var heldTotals = held.Where(h => h.Status == HeldMeal.Pending).Aggregate(Totals.Zero, (t, h) => t.Add(1, h.PriceFen, h.SubsidyFen, h.CoPaymentFen));
        return new Statement
        {
            Kind = kind, Site = site, Period = period, Totals = totals, Rows = rows, Elders = elders,
            Anomalies = anomalies.ToList(), PendingRecords = pending, Held = held, HeldTotals = heldTotals,
            Deliveries = delivered, Rounds = rounds, DeliveryTotals = deliveryTotals, Digest = DigestOf(rows, elders, held, delivered),
        };
    }

    /// <summary>
    /// SHA-256 over the amounts (rows and elder lines) and the held meals' statuses, so that a
    /// review decision makes a new revision; not over anomalies or timestamps.
    /// </summary>
    public static string DigestOf(IEnumerable<StatementRow> rows, IEnumerable<ElderLine> elders, IEnumerable<HeldMeal>? held = null, IEnumerable<DeliveryRow>? delivered = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] field = new byte[8];
        void Add(long value)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(field, value);
            hash.AppendData(field);
        }

        foreach (var r in rows)
        {
            hash.AppendData(Encoding.ASCII.GetBytes(r.Day));
            Add(r.Period);
            Add(r.Category);
            Add(r.Meals);
            Add(r.PriceFen);
            Add(r.SubsidyFen);
            Add(r.CoPaymentFen);
        }

        Add(-1);
        foreach (var e in elders)
        {
            Add(e.ElderId);
            Add(e.Category);
            foreach (var days in e.DaysByPeriod)
            {
                Add(days.Length);
                foreach (int day in days)
                {
                    Add(day);
                }
            }

            Add(e.SubsidyFen);
            Add(e.CoPaymentFen);
        }

        foreach (var h in held ?? [])
        {
            Add(-2);
            hash.AppendData(Encoding.UTF8.GetBytes($"{h.Id}|{h.Status}"));
        }

        foreach (var d in delivered ?? [])
        {
            Add(-3);
            hash.AppendData(Encoding.ASCII.GetBytes(d.Day));
            Add(d.Period);
            Add(d.Category);
            Add(d.Meals);
            Add(d.FeeFen);
            Add(d.SubsidyFen);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
