using System.Globalization;
using MealTerminal.Core.Display;
using MealTerminal.Core.Meals;

namespace MealGateway.Downloads;

/// <summary>
/// A site's terminal configuration as the site host or county edits it (docs/rosters.md):
/// <code>
/// 时区 = +08:00
/// 存储预警 = 80
/// 防重复秒数 = 3
/// 无时钟用餐间隔分钟 = 180
/// 餐别 = 早餐 06:30-08:30 1
/// 餐别 = 午餐 11:00-13:30 1
/// 价格 = 午餐 * 10.00 8.00
/// 价格 = 午餐 低保 10.00 10.00
/// </code>
/// 餐别 lines give name, local time range and meals per elder, in order (at most 4). 价格 lines give a
/// period, a category (or * for all) and the meal's price and subsidy in yuan; later lines override
/// earlier ones, and once any price is given every period and category needs one. 无时钟用餐间隔分钟
/// (optional, 60..1440, default 180) is how long an elder waits between two meals while the
/// terminal has no clock; a file without it keeps the image in format 1. Each problem is
/// reported with its line number; a file with any problem is refused whole.
/// </summary>
public static class ConfigText
{
    public static ConfigValues? TryParse(string text, string fileName, out List<string> problems)
    {
        problems = [];
        var values = new ConfigValues();
        var periods = new List<MealPeriod>();
        var prices = new List<(int Line, string Period, string Category, int Price, int Subsidy)>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string where = $"{fileName} 第 {i + 1} 行";
            int eq = line.IndexOf('=');
            if (eq < 0)
            {
                problems.Add($"{where}: 应为 '名称 = 值'");
                continue;
            }

            string key = line[..eq].Trim();
            string value = line[(eq + 1)..].Trim();
            string? problem = key switch
            {
                "时区" => ReadOffset(value, values),
                "存储预警" => ReadInt(value, 50, 99, "存储预警应为 50 到 99 的百分数", v => values.StorageWarningPercent = v),
                "防重复秒数" => ReadInt(value, 1, 10, "防重复秒数应为 1 到 10", v => values.DebounceMilliseconds = v * 1000),
                "无时钟用餐间隔分钟" => ReadInt(value, ConfigImage.MinClocklessGapMinutes, ConfigImage.MaxClocklessGapMinutes,
                    "无时钟用餐间隔分钟应为 60 到 1440", v => values.ClocklessGapMinutes = v),
                "餐别" => ReadPeriod(value, periods),
                "价格" => ReadPrice(value, i + 1, prices),
                "音量" => VoiceConfigText.ReadVolume(value, values),
                "静音时段" => VoiceConfigText.ReadSilentHours(value, values),
                _ when DeliveryConfigText.Keys.Contains(key) => DeliveryConfigText.Read(key, value, values),
                _ => $"未知的设置 '{key}' (可用: 时区, 存储预警, 防重复秒数, 无时钟用餐间隔分钟, 餐别, 价格, 音量, 静音时段, {string.Join(", ", DeliveryConfigText.Keys)})",
            };
            if (problem is not null)
            {
                problems.Add($"{where}: {problem}");
            }
        }

        if (periods.Count == 0)
        {
            problems.Add($"{fileName}: 至少需要一个 餐别");
        }

        values.Periods = periods.ToArray();
        values.Version = 1; // the store assigns the real version
        if (problems.Count == 0)
        {
            string? rule = ConfigImage.Check(values);
            if (rule is not null)
            {
                problems.Add($"{fileName}: 餐别设置有误 ({rule})");
            }
        }

        if (problems.Count == 0 && prices.Count > 0)
        {
            FillPrices(fileName, values, prices, problems);
        }

        return problems.Count == 0 ? values : null;
    }

    /// <summary>The 1-based number of the last line setting key whose value's words match; 0 when none.</summary>
    public static int LastLine(string text, string key, Func<string[], bool> matches)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n');
        int found = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            int eq = line.IndexOf('=');
            if (eq > 0 && !line.StartsWith('#') && line[..eq].Trim() == key
                && matches(line[(eq + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                found = i + 1;
            }
        }

        return found;
    }

    private static string? ReadOffset(string value, ConfigValues values)
    {
        if (value.Length != 6 || (value[0] != '+' && value[0] != '-')
            || !TimeOnly.TryParseExact(value[1..], "HH:mm", out var t))
        {
            return $"时区 '{value}' 应为 +08:00 这样的格式";
        }

        int minutes = (t.Hour * 60) + t.Minute;
        values.UtcOffsetMinutes = value[0] == '-' ? -minutes : minutes;
        return values.UtcOffsetMinutes is < -720 or > 840 ? $"时区 '{value}' 超出 -12:00 到 +14:00" : null;
    }

    private static string? ReadInt(string value, int min, int max, string problem, Action<int> set)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < min || v > max)
        {
            return $"{problem}, 而不是 '{value}'";
        }

        set(v);
        return null;
    }

    private static string? ReadPeriod(string value, List<MealPeriod> periods)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
        {
            return $"餐别应写作 '午餐 11:00-13:30 1' (名称 时段 每人份数), 而不是 '{value}'";
        }

        string name = parts[0];
        char missing = name.FirstOrDefault(c => GlyphTable.Characters.IndexOf(c) < 0);
        if (missing != default)
        {
            return $"餐别名称 '{name}' 含终端无法显示的字 '{missing}'";
        }

        var range = parts[1].Split('-');
        if (range.Length != 2 || !TryMinute(range[0], out int start) || !TryMinute(range[1], out int end) || start >= end)
        {
            return $"时段 '{parts[1]}' 应为 11:00-13:30 这样的格式, 且开始早于结束";
        }

        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int limit) || limit is < 1 or > 3)
        {
            return $"每人份数 '{parts[2]}' 应为 1 到 3";
        }

        if (periods.Count == MealTerminal.Core.Meals.TerminalConfig.MaxPeriods)
        {
            return "最多 4 个餐别";
        }

        if (periods.Any(p => p.Name == name))
        {
            return $"餐别 '{name}' 重复";
        }

        var overlap = periods.FirstOrDefault(p => start < p.EndMinute && p.StartMinute < end);
        if (overlap is not null)
        {
            return $"餐别 '{name}' 与 '{overlap.Name}' 时段重叠";
        }

        periods.Add(new MealPeriod(name, start, end, limit));
        return null;
    }

    private static bool TryMinute(string text, out int minute)
    {
        minute = 0;
        if (text == "24:00")
        {
            minute = 24 * 60;
            return true;
        }

        if (!TimeOnly.TryParseExact(text, "HH:mm", out var t))
        {
            return false;
        }

        minute = (t.Hour * 60) + t.Minute;
        return true;
    }

    private static string? ReadPrice(string value, int line, List<(int, string, string, int, int)> prices)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4 || !TryFen(parts[2], out int price) || !TryFen(parts[3], out int subsidy))
        {
            return $"价格应写作 '午餐 低保 10.00 8.00' (餐别 类别或* 价格 补贴, 单位元), 而不是 '{value}'";
        }

        if (subsidy > price)
        {
            return $"补贴 {parts[3]} 元高于价格 {parts[2]} 元";
        }

        prices.Add((line, parts[0], parts[1], price, subsidy));
        return null;
    }

    private static bool TryFen(string text, out int fen)
    {
        fen = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal yuan)
            || yuan * 100 != decimal.Truncate(yuan * 100) || yuan > 655.35m)
        {
            return false;
        }

        fen = (int)(yuan * 100);
        return true;
    }

    private static void FillPrices(string fileName, ConfigValues values, List<(int Line, string Period, string Category, int Price, int Subsidy)> prices, List<string> problems)
    {
        int cells = values.Periods.Length * ElderCategory.Count;
        values.PriceFen = Enumerable.Repeat(-1, cells).ToArray();
        values.SubsidyFen = new int[cells];
        foreach (var p in prices)
        {
            int period = Array.FindIndex(values.Periods, x => x.Name == p.Period);
            int category = p.Category == "*" ? -1 : Enumerable.Range(0, ElderCategory.Count).FirstOrDefault(c => ElderCategory.ChineseName(c) == p.Category, -2);
            if (period < 0 || category == -2)
            {
                problems.Add($"{fileName} 第 {p.Line} 行: " + (period < 0 ? $"没有名为 '{p.Period}' 的餐别" : $"未知老人类别 '{p.Category}'"));
                continue;
            }

            for (int c = 0; c < ElderCategory.Count; c++)
            {
                if (category < 0 || category == c)
                {
                    values.PriceFen[(period * ElderCategory.Count) + c] = p.Price;
                    values.SubsidyFen[(period * ElderCategory.Count) + c] = p.Subsidy;
                }
            }
        }

        int missing = Array.IndexOf(values.PriceFen, -1);
        if (problems.Count == 0 && missing >= 0)
        {
            problems.Add($"{fileName}: 缺少 {values.Periods[missing / ElderCategory.Count].Name} {ElderCategory.ChineseName(missing % ElderCategory.Count)} 的价格 (可用 '价格 = 餐别 * 价格 补贴' 一次设定全部类别)");
        }
    }
}
