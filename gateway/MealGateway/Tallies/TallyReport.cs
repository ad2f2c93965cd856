using System.Text;
using MealGateway.Storage;
using MealTerminal.Core.Meals;

namespace MealGateway.Tallies;

/// <summary>One row of a daily tally as served over HTTP and printed by the CLI.</summary>
public sealed record TallyRow(string Site, string Day, int Period, string PeriodName, int Category, string CategoryName, int Meals);

/// <summary>Daily tally per site, day, meal period and elder category, with Chinese names.</summary>
public static class TallyReport
{
    public static IReadOnlyList<TallyRow> Rows(IEnumerable<TallyCell> cells, MealPeriod[] periods) =>
        cells.Select(c => new TallyRow(c.Site, c.Day, c.Period, PeriodName(periods, c.Period), c.Category,
            ElderCategory.ChineseName(c.Category), c.Meals)).ToList();

    public static string PeriodName(MealPeriod[] periods, int period) =>
        period >= 0 && period < periods.Length ? periods[period].Name : "未知时段";

    /// <summary>A plain-text table with Chinese headers, one line per cell and a total per site.</summary>
    public static string Format(string day, IReadOnlyList<TallyRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine($"每日用餐统计 {day}");
        text.AppendLine("站点\t餐别\t类别\t用餐人次");
        foreach (var site in rows.GroupBy(r => r.Site))
        {
            foreach (var r in site)
            {
                text.AppendLine($"{r.Site}\t{r.PeriodName}\t{r.CategoryName}\t{r.Meals}");
            }

            text.AppendLine($"{site.Key}\t合计\t\t{site.Sum(r => r.Meals)}");
        }

        if (rows.Count == 0)
        {
            text.AppendLine("（无记录）");
        }

        return text.ToString();
    }
}
