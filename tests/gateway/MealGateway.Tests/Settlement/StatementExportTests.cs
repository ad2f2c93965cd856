using System.Text;
using ClosedXML.Excel;
using MealGateway.Policy;
using MealGateway.Settlement;
using MealTerminal.Core.Meals;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Settlement;

public sealed class StatementExportTests : IDisposable
{
    private readonly MonthRig rig = new();

    public StatementExportTests()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12, ElderCategory.MinimumAllowance), Meal(2, "2026-10-03", 7), Meal(2, "2026-10-04", 12));
        rig.Settler.Settle("2026-10");
    }

    public void Dispose() => rig.Dispose();

    private Statement Monthly => rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-10")!;

    [Fact]
    public void Csv_HasChineseHeadersABomForExcelAndATotalInYuan()
    {
        byte[] csv = StatementExport.Csv(Monthly);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("日期,餐别,老人类别,用餐人次,餐费合计(元),补贴合计(元),个人支付合计(元)", lines[0]);
        Assert.Equal("2026-10-03,午餐,低保,1,15.00,10.00,5.00", lines[2]);
        Assert.Equal("合计,,,3,36.00,13.00,23.00", lines[^1]);
    }

    [Fact]
    public void ElderCsv_ListsEachElderWithTheDaysOfEachMeal()
    {
        var lines = Encoding.UTF8.GetString(StatementExport.Csv(Monthly, elders: true)[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("老人编号,老人类别,用餐次数,早餐日期,午餐日期,晚餐日期,补贴(元),个人支付(元)", lines[0]);
        Assert.Equal("2,普通,2,3,4,,3.00,18.00", lines[2]);
    }

    [Fact]
    public void Xlsx_OpensWithSummaryRowsEldersChangesAndAnomaliesSheets_AndNumbersAreNumbers()
    {
        using var book = new XLWorkbook(new MemoryStream(StatementExport.Xlsx(Monthly)));
        Assert.Equal(new[] { "汇总", "明细", "老人明细", "变更", "异常", "待审核", "送餐", "送餐轮次" }, book.Worksheets.Select(w => w.Name));
        var rows = book.Worksheet("明细");
        Assert.Equal("补贴合计(元)", rows.Cell(1, 6).GetString());
        Assert.Equal(10.00m, rows.Cell(3, 6).GetValue<decimal>()); // 低保 lunch
        var summary = book.Worksheet("汇总");
        Assert.Equal(("补贴合计(元)", 13.00m), (summary.Cell(10, 1).GetString(), summary.Cell(10, 2).GetValue<decimal>()));
    }

    [Fact]
    public void HeldMeals_AreExportedApartFromThePayableRows_WithStatusAndAmounts()
    {
        rig.Upload("S01", "T02", Meal(1, "2026-10-03", 12, ElderCategory.MinimumAllowance)); // elder 1's second lunch that day
        rig.Settler.Settle("2026-10");

        var lines = Encoding.UTF8.GetString(StatementExport.Csv(Monthly, held: true)[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("编号,老人编号,老人类别,日期,餐别", lines[0]);
        Assert.StartsWith("S01/T02/0000000001,1,低保,2026-10-03,1,T02,1,", Assert.Single(lines[1..]));
        Assert.Contains(",S01/T01/0000000001,待审核（暂不支付）,15.00,10.00,5.00,,,", lines[1]);
        Assert.EndsWith("合计,,,3,36.00,13.00,23.00", Encoding.UTF8.GetString(StatementExport.Csv(Monthly)).TrimEnd()); // unchanged payable total
        using var book = new XLWorkbook(new MemoryStream(StatementExport.Xlsx(Monthly)));
        Assert.Equal(10.00m, book.Worksheet("待审核").Cell(2, 12).GetValue<decimal>());
        Assert.Equal(("待审核人次(未计入合计)", 1), (book.Worksheet("汇总").Cell(15, 1).GetString(), book.Worksheet("汇总").Cell(15, 2).GetValue<int>()));
    }

    [Fact]
    public void Xlsx_ShowsEveryAmountWithTwoDecimals()
    {
        using var book = new XLWorkbook(new MemoryStream(StatementExport.Xlsx(Monthly)));
        Assert.Equal("0.00", book.Worksheet("明细").Cell(2, 5).Style.NumberFormat.Format);
        Assert.Equal("0.00", book.Worksheet("老人明细").Cell(2, 7).Style.NumberFormat.Format);
        Assert.Equal("0.00", book.Worksheet("汇总").Cell(10, 2).Style.NumberFormat.Format);
    }

    [Fact]
    public void Xlsx_EndsEveryTableSheetWithATotalRow_ThatAddsUpItsColumns()
    {
        rig.Upload("S01", "T03", Meal(0, "2026-10-05", 12, verdict: VerdictCode.UnknownCard) with { CardHex = "04AABBCCDD" }, Meal(3, "2026-10-05", 12)); // a meal too: a new revision
        rig.Settler.Settle("2026-10");
        using var book = new XLWorkbook(new MemoryStream(StatementExport.Xlsx(Monthly)));
        foreach (var name in new[] { "明细", "老人明细", "变更", "异常", "待审核" })
        {
            var sheet = book.Worksheet(name);
            Assert.Equal("合计", sheet.Cell(sheet.LastRowUsed().RowNumber(), 1).GetString());
        }

        var rows = book.Worksheet("明细");
        int last = rows.LastRowUsed().RowNumber();
        Assert.Equal(4, Monthly.Totals.Meals);
        Assert.Equal((4, Yuan.ToDecimal(Monthly.Totals.SubsidyFen)), (rows.Cell(last, 4).GetValue<int>(), rows.Cell(last, 6).GetValue<decimal>()));
        var elders = book.Worksheet("老人明细");
        Assert.Equal(Yuan.ToDecimal(Monthly.Totals.SubsidyFen), elders.Cell(elders.LastRowUsed().RowNumber(), 7).GetValue<decimal>());
    }

    [Fact]
    public void UnknownCardAnomaly_HasNoElderNumber_InCsvOrXlsx()
    {
        rig.Upload("S01", "T03", Meal(0, "2026-10-05", 12, verdict: VerdictCode.UnknownCard) with { CardHex = "04AABBCCDD" }, Meal(3, "2026-10-05", 12)); // a meal too: a new revision
        rig.Settler.Settle("2026-10");
        using var book = new XLWorkbook(new MemoryStream(StatementExport.Xlsx(Monthly)));
        var unknown = Assert.Single(book.Worksheet("异常").RowsUsed(), r => r.Cell(6).GetString() == "04AABBCCDD");
        Assert.True(unknown.Cell(3).IsEmpty());
    }

    [Fact]
    public void DefaultFileNames_OfRowsEldersAndHeld_AreDistinct()
    {
        var names = new[] { StatementExport.FileName(Monthly, "csv", null), StatementExport.FileName(Monthly, "csv", "elders"), StatementExport.FileName(Monthly, "csv", "held"), StatementExport.FileName(Monthly, "xlsx", null) };
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Equal("S01-2026-10-r1-elders.csv", names[1]);
    }
}
