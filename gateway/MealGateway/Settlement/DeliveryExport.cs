using System.Globalization;
using MealGateway.Policy;

namespace MealGateway.Settlement;

/// <summary>The delivered meals of a statement as Excel shows them: the delivery fee per day, period and category, and the rounds per courier.</summary>
public static class DeliveryExport
{
    public static readonly string[] FeeHeaders = ["日期", "餐别", "老人类别", "送餐份数", "送餐费合计(元)", "送餐费补贴(元)", "送餐费个人支付(元)"];
    public static readonly string[] RoundHeaders = ["日期", "终端", "轮次", "送餐员编号", "送达份数", "其中未登记送餐", "已结束"];

    public static IEnumerable<object[]> FeeRows(Statement s) => s.Deliveries.Select(d => new object[]
    {
        d.Day, d.PeriodName, d.CategoryName, d.Meals, Yuan.ToDecimal(d.FeeFen), Yuan.ToDecimal(d.SubsidyFen), Yuan.ToDecimal(d.CoPaymentFen),
    });

    public static IEnumerable<object[]> RoundRows(Statement s) => s.Rounds.Select(r => new object[]
    {
        r.Day ?? "未知", r.Terminal, r.Round, r.Courier, r.Delivered, r.Unregistered, r.Ended ? "是" : "否",
    });

    /// <summary>CSV cells: the fee table, a total line, an empty line, then the rounds.</summary>
    public static IEnumerable<IEnumerable<string>> CsvLines(Statement s)
    {
        yield return FeeHeaders;
        foreach (var row in FeeRows(s))
        {
            yield return row.Select(Cell);
        }

        yield return ["合计", string.Empty, string.Empty, s.DeliveryTotals.Meals.ToString(), Yuan.Format(s.DeliveryTotals.PriceFen), Yuan.Format(s.DeliveryTotals.SubsidyFen), Yuan.Format(s.DeliveryTotals.CoPaymentFen)];
        yield return [];
        yield return RoundHeaders;
        foreach (var row in RoundRows(s))
        {
            yield return row.Select(Cell);
        }
    }

    private static string Cell(object c) => c switch
    {
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        _ => Convert.ToString(c, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
