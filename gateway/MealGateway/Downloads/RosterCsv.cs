using System.Globalization;
using System.Text;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;

namespace MealGateway.Downloads;

/// <summary>
/// The site roster as the civil-affairs office hands it over: a CSV file (UTF-8 or GB18030, quoted
/// fields) or an .xlsx workbook (RosterTable), with a
/// header row naming its columns - 卡号 (card UID in hex, 4, 7 or 10 bytes), 老人编号 (1..16777215),
/// 类别 (a category name such as 低保, or its number), and optionally 状态 (正常, 暂停, 挂失, 已故,
/// 站长卡), 起始日期 and 截止日期 (yyyy-MM-dd), and 姓名 (shown as the county's NameDisplay says). Every problem is reported with its line number in
/// Chinese, and a file with any problem is refused whole (docs/rosters.md).
/// </summary>
public static class RosterCsv
{
    /// <summary>The most entries a terminal's roster slot holds (firmware Program.MaxRosterEntries).</summary>
    public const int MaxEntries = 20000;
    private const int MaxProblems = 20;
    private static readonly string[] StatusNames = ["正常", "暂停", "挂失", "已故", "站长卡", "送餐员卡"];

    /// <summary>A roster given as UTF-8 text (tests, the demo).</summary>
    public static RosterEntry[]? TryParse(string text, string fileName, out List<string> problems, NameDisplay names = NameDisplay.Masked) =>
        TryParse(Encoding.UTF8.GetBytes(text), fileName, out problems, names);

    /// <summary>A roster file as it was uploaded: CSV (UTF-8 or GB18030) or .xlsx (RosterTable); names shown as the county's rule says.</summary>
    public static RosterEntry[]? TryParse(byte[] content, string fileName, out List<string> problems, NameDisplay names = NameDisplay.Masked)
    {
        var rows = RosterTable.Read(content, fileName, out problems);
        if (rows is null)
        {
            return null;
        }

        rows = rows.Where(r => !IsBlankOrComment(r)).Select(r => r with { Cells = r.Cells.Select(c => c.Trim()).ToArray() }).ToList();
        if (rows.Count == 0)
        {
            problems.Add($"{fileName}: 文件是空的, 没有表头");
            return null;
        }

        var header = rows[0].Cells.Reverse().SkipWhile(c => c.Length == 0).Reverse().ToArray(); // Excel may add empty columns
        int headerLine = rows[0].Line;
        int Column(string name) => Array.IndexOf(header, name);
        foreach (var unknown in header.Where(h => h is not ("卡号" or "老人编号" or "类别" or "状态" or "起始日期" or "截止日期" or "送餐" or "姓名")))
        {
            problems.Add($"{fileName} 第 {headerLine} 行: 未知的列 '{unknown}' (可用的列: 卡号, 老人编号, 类别, 状态, 起始日期, 截止日期, 送餐, 姓名)");
        }

        foreach (var required in new[] { "卡号", "老人编号", "类别" }.Where(r => Column(r) < 0))
        {
            problems.Add($"{fileName} 第 {headerLine} 行: 缺少必需的列 '{required}'");
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var entries = new List<RosterEntry>();
        var cardLines = new Dictionary<string, int>();
        var activeCardLines = new Dictionary<uint, int>();
        foreach (var row in rows.Skip(1))
        {
            if (problems.Count >= MaxProblems)
            {
                break;
            }

            int line = row.Line;
            string where = $"{fileName} 第 {line} 行";
            var cells = row.Cells.Length > header.Length && row.Cells.Skip(header.Length).All(c => c.Length == 0) ? row.Cells[..header.Length] : row.Cells;
            if (cells.Length != header.Length)
            {
                problems.Add($"{where}: 应有 {header.Length} 列, 实有 {cells.Length} 列");
                continue;
            }

            string Cell(string name) => Column(name) < 0 ? string.Empty : cells[Column(name)];
            var entry = new RosterEntry { ValidToDay = RosterFormat.NoUpperBound };
            string? problem = ReadCard(Cell("卡号"), entry) ?? ReadElder(Cell("老人编号"), entry) ?? ReadCategory(Cell("类别"), entry)
                ?? ReadStatus(Cell("状态"), entry) ?? ReadDates(Cell("起始日期"), Cell("截止日期"), entry) ?? ReadDelivery(Cell("送餐"), entry)
                ?? RosterNames.Read(Cell("姓名"), names, entry);
            if (problem is not null)
            {
                problems.Add($"{where}: {problem}");
                continue;
            }

            string key = CardKey.ToHex(entry.CardKey, 0);
            if (cardLines.TryGetValue(key, out int first))
            {
                problems.Add($"{where}: 卡号 {Cell("卡号")} 与第 {first} 行重复");
                continue;
            }

            if (entry.Status == CardStatus.Active && !activeCardLines.TryAdd(entry.ElderId, line))
            {
                problems.Add($"{where}: 老人编号 {entry.ElderId} 在第 {activeCardLines[entry.ElderId]} 行已有一张正常状态的卡 (补卡时请把旧卡标为挂失)");
                continue;
            }

            cardLines[key] = line;
            entries.Add(entry);
        }

        if (problems.Count == 0 && entries.Count == 0)
        {
            problems.Add($"{fileName}: 名册没有任何老人");
        }

        if (entries.Count > MaxEntries)
        {
            problems.Add($"{fileName}: 名册有 {entries.Count} 条, 超过终端能容纳的 {MaxEntries} 条");
        }

        if (problems.Count == 0 && RosterNames.BudgetProblem(entries, MaxEntries) is { } tooMuch)
        {
            problems.Add($"{fileName}: {tooMuch}");
        }

        return problems.Count == 0 ? entries.ToArray() : null;
    }

    private static bool IsBlankOrComment(TableRow row) => row.Cells.All(c => c.Trim().Length == 0) || row.Cells[0].TrimStart().StartsWith('#');

    private static string? ReadCard(string text, RosterEntry entry)
    {
        string hex = text.Replace(" ", string.Empty).Replace(":", string.Empty).Replace("-", string.Empty);
        if (hex.Length is not (8 or 14 or 20) || !hex.All(Uri.IsHexDigit))
        {
            return $"卡号 '{text}' 应为 4, 7 或 10 字节的十六进制 (8, 14 或 20 位)";
        }

        var uid = Convert.FromHexString(hex);
        if (CardKey.IsRandomUid(uid, uid.Length))
        {
            return $"卡号 '{text}' 是随机卡号 (每次读卡都不同), 不能登记";
        }

        CardKey.FromUid(uid, uid.Length, entry.CardKey, 0);
        return null;
    }

    private static string? ReadElder(string text, RosterEntry entry)
    {
        if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint id) || id == 0 || id > 0xFFFFFF)
        {
            return $"老人编号 '{text}' 应为 1 到 16777215 的整数";
        }

        entry.ElderId = id;
        return null;
    }

    private static string? ReadCategory(string text, RosterEntry entry)
    {
        for (int c = 0; c < ElderCategory.Count; c++)
        {
            if (text == ElderCategory.ChineseName(c) || text == c.ToString(CultureInfo.InvariantCulture))
            {
                entry.Category = (byte)c;
                return null;
            }
        }

        return $"未知老人类别 '{text}' (可用: {string.Join(", ", Enumerable.Range(0, ElderCategory.Count).Select(ElderCategory.ChineseName))})";
    }

    /// <summary>Column 送餐 (optional): 是 when the elder is registered for home delivery; 否 or empty when not.</summary>
    private static string? ReadDelivery(string text, RosterEntry entry)
    {
        entry.DeliveryRegistered = text == "是";
        return text is "" or "是" or "否" ? null : $"送餐列应为 是 或 否，收到 '{text}'";
    }

    private static string? ReadStatus(string text, RosterEntry entry)
    {
        int status = text.Length == 0 ? 0 : Array.IndexOf(StatusNames, text);
        if (status < 0)
        {
            return $"未知卡状态 '{text}' (可用: {string.Join(", ", StatusNames)})";
        }

        entry.Status = (CardStatus)status;
        return null;
    }

    private static string? ReadDates(string from, string to, RosterEntry entry)
    {
        var epoch = new DateOnly(2020, 1, 1);
        if (from.Length > 0)
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", out var day) || day < epoch || day.DayNumber - epoch.DayNumber >= RosterFormat.NoUpperBound)
            {
                return $"起始日期 '{from}' 应为 2020-01-01 之后的 yyyy-MM-dd";
            }

            entry.ValidFromDay = day.DayNumber - epoch.DayNumber;
        }

        if (to.Length > 0)
        {
            if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", out var day) || day < epoch || day.DayNumber - epoch.DayNumber >= RosterFormat.NoUpperBound)
            {
                return $"截止日期 '{to}' 应为 2020-01-01 之后的 yyyy-MM-dd";
            }

            entry.ValidToDay = day.DayNumber - epoch.DayNumber;
        }

        return entry.ValidToDay < entry.ValidFromDay ? $"截止日期 {to} 早于起始日期 {from}" : null;
    }
}
