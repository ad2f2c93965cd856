using System.Text;
using ClosedXML.Excel;
using MealGateway.Downloads;
using MealGateway.Storage;

namespace MealGateway.Tests.Downloads;

/// <summary>
/// Issue #16: rosters as offices keep them. Excel's "CSV" on Chinese Windows is GB18030 with quoted
/// fields; an .xlsx is taken as it is. Every problem keeps its line (row) number; nothing is stored.
/// </summary>
public sealed class RosterFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("rosterfile-").FullName;
    private readonly MealStore store;
    private readonly SiteImages images;

    public RosterFileTests()
    {
        store = new MealStore(directory, 8 * 60);
        images = new SiteImages(store);
    }

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    [Fact]
    public void Gb18030Csv_AsExcelWritesItOnChineseWindows_IsReadWithItsChineseIntact()
    {
        byte[] csv = Gb18030.GetBytes("卡号,老人编号,类别,状态\r\n04A1B2C3D4E5F6,1001,低保,正常\r\n04A1B2C3D4E5F7,1002,高龄,挂失\r\n");
        var image = SiteFiles.Import(images, "roster", "S01", csv, "名册.csv", DateTime.UtcNow, null, out var problems);
        Assert.True(image is not null, string.Join("\n", problems));
        Assert.Equal(2, image!.Entries);
    }

    [Fact]
    public void QuotedFields_AreCellsEvenWithCommasQuotesAndLineBreaks_AndLineNumbersStayTrue()
    {
        string csv = "卡号,老人编号,类别,状态,起始日期,截止日期\r\n"
            + "\"04 A1 B2 C3 D4 E5 F6\",1001,\"低保\",正常,2024-01-01,\r\n"
            + "# 备注\r\n"
            + "\"04A1B2C3D4E5F7\",\"1,002\",高龄,,,\r\n";
        Assert.Null(SiteFiles.Import(images, "roster", "S01", Encoding.UTF8.GetBytes(csv), "roster.csv", DateTime.UtcNow, null, out var problems));
        Assert.Equal("roster.csv 第 4 行: 老人编号 '1,002' 应为 1 到 16777215 的整数", Assert.Single(problems));

        string broken = "卡号,老人编号,类别\r\n\"04A1\r\nB2C3\",1001,低保\r\n1A2B3C4D,0,低保\r\n"; // a line break inside quotes: one row on lines 2-3
        Assert.Null(SiteFiles.Import(images, "roster", "S01", Encoding.UTF8.GetBytes(broken), "roster.csv", DateTime.UtcNow, null, out problems));
        Assert.Contains(problems, p => p.StartsWith("roster.csv 第 2 行: 卡号"));
        Assert.Contains(problems, p => p.StartsWith("roster.csv 第 4 行: 老人编号 '0'"));
        Assert.Empty(images.All());
    }

    [Fact]
    public void XlsxRoster_IsReadFromItsFirstSheet_NumbersAndDatesAsExcelStoresThem()
    {
        var image = SiteFiles.Import(images, "roster", "S01", Workbook("高龄"), "名册.xlsx", DateTime.UtcNow, null, out var problems);
        Assert.True(image is not null, string.Join("\n", problems));
        Assert.Equal(2, image!.Entries);

        Assert.Null(SiteFiles.Import(images, "roster", "S02", Workbook("低宝"), "名册.xlsx", DateTime.UtcNow, null, out problems));
        Assert.StartsWith("名册.xlsx 第 3 行: 未知老人类别 '低宝'", Assert.Single(problems));
        Assert.DoesNotContain(images.All(), i => i.Site == "S02");
    }

    /// <summary>A roster as Excel stores it: elder ids as numbers, a start date as a date.</summary>
    private static byte[] Workbook(string secondCategory)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("名册");
        string[] header = ["卡号", "老人编号", "类别", "状态", "起始日期", "截止日期"];
        for (int c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = header[c];
        }

        sheet.Cell(2, 1).Value = "04A1B2C3D4E5F6";
        sheet.Cell(2, 2).Value = 1001;
        sheet.Cell(2, 3).Value = "低保";
        sheet.Cell(2, 5).Value = new DateTime(2024, 1, 1);
        sheet.Cell(3, 1).Value = "1A2B3C4D";
        sheet.Cell(3, 2).Value = 1002;
        sheet.Cell(3, 3).Value = secondCategory;
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public void AFileThatIsNeitherTextNorAWorkbook_IsRefusedPlainly()
    {
        Assert.Null(SiteFiles.Import(images, "roster", "S01", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "roster.xlsx", DateTime.UtcNow, null, out var problems));
        Assert.Contains("无法作为 Excel 工作簿读取", Assert.Single(problems));
    }
}
