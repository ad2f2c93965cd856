using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace MealGateway.Downloads;

/// <summary>
/// The rows of a roster as the office keeps it: an Excel workbook (.xlsx, its first sheet) or a CSV
/// file in UTF-8 (with or without BOM) or GB18030, which Excel's plain "CSV" writes on Chinese
/// Windows. Text that is not valid UTF-8 is read as GB18030 (a superset of GBK and GB2312).
/// </summary>
public static class RosterTable
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static List<TableRow>? Read(byte[] content, string fileName, out List<string> problems)
    {
        problems = [];
        bool zip = content.Length >= 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04;
        if (zip || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return ReadWorkbook(content, fileName, problems);
        }

        string? text = Decode(content);
        if (text is null)
        {
            problems.Add($"{fileName}: 既不是 UTF-8 也不是 GB18030 编码的文本，请在 Excel 中另存为 CSV 或 .xlsx (not UTF-8 or GB18030 text)");
            return null;
        }

        var rows = CsvRows.Read(text, fileName, out string? problem);
        if (problem is not null)
        {
            problems.Add(problem);
        }

        return rows;
    }

    /// <summary>The file as text for the stored image's source: the CSV as decoded, a workbook's rows as CSV.</summary>
    public static string SourceText(byte[] content, string fileName)
    {
        var rows = Read(content, fileName, out _);
        bool workbook = content.Length >= 2 && content[0] == 0x50 && content[1] == 0x4B;
        return !workbook ? Decode(content) ?? string.Empty
            : string.Join("\r\n", (rows ?? []).Select(r => string.Join(',', r.Cells.Select(c => c.IndexOfAny([',', '"', '\r', '\n']) < 0 ? c : $"\"{c.Replace("\"", "\"\"")}\""))));
    }

    /// <summary>UTF-8 (BOM stripped) when it is valid UTF-8, else GB18030, else null.</summary>
    public static string? Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
        }

        try
        {
            return Gb18030.Value.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static List<TableRow>? ReadWorkbook(byte[] content, string fileName, List<string> problems)
    {
        XLWorkbook book;
        try
        {
            book = new XLWorkbook(new MemoryStream(content));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // ClosedXML throws whatever its zip and XML readers throw for a damaged or foreign file.
            problems.Add($"{fileName}: 无法作为 Excel 工作簿读取，请用 Excel 另存为 .xlsx 或 CSV (not a readable .xlsx workbook)");
            return null;
        }

        using (book)
        {
            var sheet = book.Worksheets.First();
            var rows = new List<TableRow>();
            int width = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
            foreach (var row in sheet.RowsUsed())
            {
                rows.Add(new TableRow(row.RowNumber(), Enumerable.Range(1, width).Select(c => Text(row.Cell(c))).ToArray()));
            }

            return rows;
        }
    }

    /// <summary>A cell as the roster reads it: dates as yyyy-MM-dd, whole numbers without decimals.</summary>
    private static string Text(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString("0.##########", CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };
}
