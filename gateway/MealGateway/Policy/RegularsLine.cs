using System.Globalization;
using MealTerminal.Core.Meals;

namespace MealGateway.Policy;

/// <summary>
/// The policy line of the welfare check (docs/policy.md, docs/welfare.md):
/// <c>常来 生效日期 N M 截止时间</c>, e.g. <c>常来 2025-01-01 4 7 14:00</c>: from that date a regular
/// ate at a site on at least N of the last M service days (1 ≤ N ≤ M ≤ 31), and after the cut-off
/// (local, 00:01..23:59) a regular who has not eaten anywhere in the county is absent. County-wide,
/// effective-dated like the rest; without any such line the rule is 4 of 7, 14:00.
/// </summary>
internal static class RegularsLine
{
    public static string? Parse(string[] f, int line, List<RegularsRule> rules)
    {
        if (f.Length != 5)
        {
            return $"常来 条目应有 5 项（常来 生效日期 天数N 统计天数M 截止时间），实际 {f.Length} 项";
        }

        if (PolicyParser.Date(f[1], out var from) is { } badDate)
        {
            return badDate;
        }

        int max = DeliverySettings.MaxRegularWindow;
        if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out int days) || days < 1 || days > max
            || !int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out int window) || window < 1 || window > max)
        {
            return $"常来天数 '{f[2]}' 和统计天数 '{f[3]}' 应为 1 到 {max} 的整数";
        }

        if (days > window)
        {
            return $"常来天数 {days} 不能多于统计天数 {window}";
        }

        if (!TimeOnly.TryParseExact(f[4], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var cutoff) || cutoff == TimeOnly.MinValue)
        {
            return $"截止时间 '{f[4]}' 无效，应为 HH:MM（00:01 到 23:59，如 14:00）";
        }

        rules.Add(new RegularsRule(from, days, window, (cutoff.Hour * 60) + cutoff.Minute, line));
        return null;
    }
}
