using System.Text;
using ClosedXML.Excel;
using MealGateway.Policy;

namespace MealGateway.Settlement;

/// <summary>
/// A statement as civil-affairs staff open it in Excel: CSV (UTF-8 with BOM so Excel reads the
/// Chinese) or an XLSX workbook with sheets for the summary, daily rows, elders, changes and
/// anomalies. Money is printed in yuan from whole fen, never through floating point.
/// </summary>
public static class StatementExport
{
    public static readonly string[] RowHeaders = ["日期", "餐别", "老人类别", "用餐人次", "餐费合计(元)", "补贴合计(元)", "个人支付合计(元)"];
    public static readonly string[] ElderHeaders = ["老人编号", "老人类别", "用餐次数", "早餐日期", "午餐日期", "晚餐日期", "补贴(元)", "个人支付(元)"];
    public static readonly string[] HeldHeaders =
        ["编号", "老人编号", "老人类别", "日期", "餐别", "终端", "记录序号", "刷卡时间(UTC)", "先付餐次", "状态", "餐费(元)", "补贴(元)", "个人支付(元)", "审核人", "审核时间(UTC)", "理由"];

    public static string Title(Statement s) =>
        $"{s.Site} {(s.Kind == StatementKind.Monthly ? "月度结算单" : "每日统计")} {s.Period} 第 {s.Revision} 版";

    /// <summary>The default file name; the elders and held tables get their own, so one export never overwrites another.</summary>
    public static string FileName(Statement s, string format, string? table) =>
        $"{s.Site}-{s.Period}-r{s.Revision}{(table is null or "rows" ? string.Empty : "-" + table)}.{format}";

    /// <summary>How Excel shows money: yuan with two decimals.</summary>
    public const string MoneyFormat = "0.00";

    /// <summary>Daily rows and a total line, or (elders: true) one line per elder, or (held: true) one line per held meal.</summary>
    public static byte[] Csv(Statement s, bool elders = false, bool held = false, bool deliveries = false)
    {
        var text = new StringBuilder();
        if (deliveries)
        {
            foreach (var line in DeliveryExport.CsvLines(s))
            {
                Line(text, line);
            }
        }
        else if (held)
        {
            Line(text, HeldHeaders);
            foreach (var h in s.Held)
            {
                Line(text, HeldCells(h).Select(c => c switch { decimal d => d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), _ => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty }));
            }
        }
        else if (elders)
        {
            Line(text, ElderHeaders);
            foreach (var e in s.Elders)
            {
                Line(text, [e.ElderId.ToString(), e.CategoryName, e.Meals.ToString(), DaysOf(e, 0), DaysOf(e, 1), DaysOf(e, 2), Yuan.Format(e.SubsidyFen), Yuan.Format(e.CoPaymentFen)]);
            }
        }
        else
        {
            Line(text, RowHeaders);
            foreach (var r in s.Rows)
            {
                Line(text, [r.Day, r.PeriodName, r.CategoryName, r.Meals.ToString(), Yuan.Format(r.PriceFen), Yuan.Format(r.SubsidyFen), Yuan.Format(r.CoPaymentFen)]);
            }

            Line(text, ["合计", string.Empty, string.Empty, s.Totals.Meals.ToString(), Yuan.Format(s.Totals.PriceFen), Yuan.Format(s.Totals.SubsidyFen), Yuan.Format(s.Totals.CoPaymentFen)]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(Statement s)
    {
        using var book = new XLWorkbook();
        var summary = book.AddWorksheet("汇总");
        summary.Cell(1, 1).Value = Title(s);
        (string, object)[] facts =
        [
            ("站点", s.Site), ("结算期", s.Period), ("版本", s.Revision), ("取代版本", s.Supersedes), ("生成时间(UTC)", s.GeneratedUtc.ToString("yyyy-MM-dd HH:mm:ss")),
            ("用餐人次", s.Totals.Meals), ("餐费合计(元)", Yuan.ToDecimal(s.Totals.PriceFen)), ("补贴合计(元)", Yuan.ToDecimal(s.Totals.SubsidyFen)),
            ("个人支付合计(元)", Yuan.ToDecimal(s.Totals.CoPaymentFen)), ("待定时记录", s.PendingRecords), ("异常条数", s.Anomalies.Count), ("校验摘要", s.Digest),
            ("待审核人次(未计入合计)", s.HeldTotals.Meals), ("待审核补贴(元)", Yuan.ToDecimal(s.HeldTotals.SubsidyFen)),
            ("送餐份数", s.DeliveryTotals.Meals), ("送餐费合计(元)", Yuan.ToDecimal(s.DeliveryTotals.PriceFen)), ("送餐费补贴(元)", Yuan.ToDecimal(s.DeliveryTotals.SubsidyFen)),
        ];
        for (int i = 0; i < facts.Length; i++)
        {
            summary.Cell(i + 3, 1).Value = facts[i].Item1;
            summary.Cell(i + 3, 2).Value = facts[i].Item2;
            if (facts[i].Item2 is decimal)
            {
                summary.Cell(i + 3, 2).Style.NumberFormat.Format = MoneyFormat;
            }
        }

        Sheet(book, "明细", RowHeaders, s.Rows.Select(r => new object[]
        {
            r.Day, r.PeriodName, r.CategoryName, r.Meals, Yuan.ToDecimal(r.PriceFen), Yuan.ToDecimal(r.SubsidyFen), Yuan.ToDecimal(r.CoPaymentFen),
        }), sums: [3, 4, 5, 6]);
        Sheet(book, "老人明细", ElderHeaders, s.Elders.Select(ElderCells), sums: [2, 6, 7]);
        Sheet(book, "变更", ["日期", "餐别", "老人类别", "原用餐人次", "现用餐人次", "原补贴(元)", "现补贴(元)"], s.Changes.Select(c => new object[]
        {
            c.Day, c.PeriodName, c.CategoryName, c.MealsBefore, c.MealsAfter, Yuan.ToDecimal(c.SubsidyBeforeFen), Yuan.ToDecimal(c.SubsidyAfterFen),
        }), sums: [3, 4, 5, 6]);
        Sheet(book, "异常", ["类型", "日期", "老人编号", "终端", "记录序号", "卡号", "说明"], s.Anomalies.Select(a => new object[]
        {
            a.Label, a.Day ?? "未知", ElderNumber(a.ElderId), a.Terminal, a.Sequence, a.CardHex, a.Detail,
        }), sums: []);
        Sheet(book, "待审核", HeldHeaders, s.Held.Select(HeldCells), sums: [10, 11, 12]);
        Sheet(book, "送餐", DeliveryExport.FeeHeaders, DeliveryExport.FeeRows(s), sums: [3, 4, 5, 6]);
        Sheet(book, "送餐轮次", DeliveryExport.RoundHeaders, DeliveryExport.RoundRows(s), sums: [4, 5]);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static object[] ElderCells(ElderLine e) =>
    [
        e.ElderId, e.CategoryName, e.Meals, DaysOf(e, 0), DaysOf(e, 1), DaysOf(e, 2), Yuan.ToDecimal(e.SubsidyFen), Yuan.ToDecimal(e.CoPaymentFen),
    ];

    private static object[] HeldCells(HeldMeal h) =>
    [
        h.Id, h.ElderId, MealTerminal.Core.Meals.ElderCategory.ChineseName(h.Category), h.Day, h.Period, h.Terminal, h.Sequence,
        h.PlacedUtc.ToString("yyyy-MM-dd HH:mm:ss"), h.PaidFirst, HeldMeal.Label(h.Status),
        Yuan.ToDecimal(h.PriceFen), Yuan.ToDecimal(h.SubsidyFen), Yuan.ToDecimal(h.CoPaymentFen), h.DecidedBy, h.DecidedUtc?.ToString("yyyy-MM-dd HH:mm:ss") ?? string.Empty, h.Reason,
    ];

    private static string DaysOf(ElderLine e, int period) => period < e.DaysByPeriod.Length ? string.Join(' ', e.DaysByPeriod[period]) : string.Empty;

    /// <summary>An unknown card belongs to no elder: its row shows no number rather than a misleading 0.</summary>
    private static object ElderNumber(long elderId) => elderId == 0 ? string.Empty : elderId;

    /// <summary>
    /// A table with its headers, money shown with two decimals, and a 合计 row: the sum of each
    /// column in sums (0-based), or the number of rows when there is nothing to add up.
    /// </summary>
    private static void Sheet(XLWorkbook book, string name, string[] headers, IEnumerable<object[]> rows, int[] sums)
    {
        var totals = new decimal[headers.Length];
        var money = new bool[headers.Length];
        var sheet = book.AddWorksheet(name);
        for (int c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        int row = 2;
        foreach (var cells in rows)
        {
            for (int c = 0; c < cells.Length; c++)
            {
                sheet.Cell(row, c + 1).Value = cells[c];
                money[c] |= cells[c] is decimal;
                totals[c] += cells[c] switch { decimal d => d, int i => i, long l => l, _ => 0 };
                if (cells[c] is decimal)
                {
                    sheet.Cell(row, c + 1).Style.NumberFormat.Format = MoneyFormat;
                }
            }

            row++;
        }

        sheet.Cell(row, 1).Value = "合计";
        if (sums.Length == 0)
        {
            sheet.Cell(row, 2).Value = $"共 {row - 2} 条";
        }

        foreach (int c in sums)
        {
            sheet.Cell(row, c + 1).Value = money[c] ? totals[c] : (long)totals[c];
            sheet.Cell(row, c + 1).Style.NumberFormat.Format = money[c] ? MoneyFormat : "0";
        }

        sheet.Row(row).Style.Font.Bold = true;
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells) =>
        text.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"")}\"";
}
