using System.Globalization;
using MealTerminal.Core.Meals;

namespace MealGateway.Policy;

/// <summary>
/// Reads the hand-edited policy file (docs/policy.md): one entry per line, "#" starts a comment.
/// Every problem is reported with its line number; a file with any problem gives no policy.
/// </summary>
public static class PolicyParser
{
    private static readonly char[] Blanks = [' ', '\t', '\u3000'];

    /// <summary>Category names accepted besides the numbers 0..10.</summary>
    private static readonly Dictionary<string, int> CategoryAliases = new() { ["计划生育特殊家庭"] = ElderCategory.FamilyPlanning };

    public static PolicyParseResult Parse(string text, MealPeriod[] periods)
    {
        var names = periods.Select(p => p.Name).ToList(); // grows by the period names only this file uses
        var errors = new List<PolicyError>();
        var prices = new List<MealPrice>();
        var rates = new List<SubsidyRate>();
        var deliveries = new List<DeliveryRate>();
        var regulars = new List<RegularsRule>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int number = i + 1;
            string content = lines[i];
            int hash = content.IndexOf('#');
            content = (hash >= 0 ? content[..hash] : content).Trim().TrimStart('\uFEFF');
            if (content.Length == 0)
            {
                continue;
            }

            string[] f = content.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
            string? problem = f[0] switch
            {
                "price" or "价格" => ParsePrice(f, number, names, prices),
                "subsidy" or "补贴" => ParseSubsidy(f, number, names, rates),
                "delivery" or "送餐" => ParseDelivery(f, number, deliveries),
                "regulars" or "常来" => RegularsLine.Parse(f, number, regulars),
                _ => $"未知的条目类型 '{f[0]}'，应为 price（价格）、subsidy（补贴）、delivery（送餐）或 regulars（常来）",
            };
            if (problem is not null)
            {
                errors.Add(new PolicyError(number, problem));
            }
        }

        errors.AddRange(Duplicates(prices, p => (p.From, p.Scope, p.Period, 0), p => p.Line, "餐别"));
        errors.AddRange(Duplicates(rates, r => (r.From, r.Scope, r.Period, r.Category), r => r.Line, "老人类别和餐别"));
        errors.AddRange(Duplicates(deliveries, d => (d.From, d.Scope, 0, d.Category), d => d.Line, "老人类别的送餐费"));
        errors.AddRange(Duplicates(regulars, r => (r.From, PolicyScope.AllSites, 0, 0), r => r.Line, "常来规则"));
        if (errors.Count == 0 && prices.Count == 0 && rates.Count == 0)
        {
            errors.Add(new PolicyError(1, "文件中没有任何价格或补贴条目"));
        }

        if (errors.Count == 0)
        {
            var policy = new SubsidyPolicy(prices, rates, names, deliveries, regulars);
            errors.AddRange(PolicyConsistency.Check(policy));
            if (errors.Count == 0)
            {
                return new PolicyParseResult(policy, errors);
            }
        }

        return new PolicyParseResult(null, errors.OrderBy(e => e.Line).ToList());
    }

    private static string? ParsePrice(string[] f, int line, List<string> periods, List<MealPrice> prices)
    {
        if (f.Length != 5)
        {
            return $"price 条目应有 5 项（price 生效日期 站点 餐别 价格），实际 {f.Length} 项";
        }

        DateOnly from = default;
        int period = 0;
        long price = 0;
        string? problem = Date(f[1], out from) ?? Scope(f[2]) ?? Period(f[3], periods, out period) ?? Amount(f[4], "价格", out price);
        if (problem is null)
        {
            prices.Add(new MealPrice(from, f[2], period, price, line));
        }

        return problem;
    }

    private static string? ParseSubsidy(string[] f, int line, List<string> periods, List<SubsidyRate> rates)
    {
        if (f.Length != 7)
        {
            return $"subsidy 条目应有 7 项（subsidy 生效日期 站点 老人类别 餐别 补贴 自付），实际 {f.Length} 项";
        }

        DateOnly from = default;
        int category = 0, period = 0;
        long subsidy = 0, copay = 0;
        string? problem = Date(f[1], out from) ?? Scope(f[2]) ?? Category(f[3], out category)
            ?? Period(f[4], periods, out period) ?? Amount(f[5], "补贴", out subsidy) ?? Amount(f[6], "自付", out copay);
        if (problem is null)
        {
            rates.Add(new SubsidyRate(from, f[2], category, period, subsidy, copay, line));
        }

        return problem;
    }

    private static string? ParseDelivery(string[] f, int line, List<DeliveryRate> deliveries)
    {
        if (f.Length != 6)
        {
            return $"delivery 条目应有 6 项（delivery 生效日期 站点 老人类别 送餐费补贴 送餐费自付），实际 {f.Length} 项";
        }

        DateOnly from = default;
        int category = 0;
        long subsidy = 0, copay = 0;
        string? problem = Date(f[1], out from) ?? Scope(f[2]) ?? Category(f[3], out category)
            ?? Amount(f[4], "送餐费补贴", out subsidy) ?? Amount(f[5], "送餐费自付", out copay);
        if (problem is null)
        {
            deliveries.Add(new DeliveryRate(from, f[2], category, subsidy, copay, line));
        }

        return problem;
    }

    /// <summary>Two lines for the same key and date would leave the rate ambiguous.</summary>
    private static IEnumerable<PolicyError> Duplicates<T>(List<T> lines, Func<T, (DateOnly, string, int, int)> keyOf, Func<T, int> lineOf, string what) =>
        lines.GroupBy(keyOf).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1).Select(later => new PolicyError(lineOf(later),
            $"与第 {lineOf(g.First())} 行重复：同一站点、{what}在 {g.Key.Item1:yyyy-MM-dd} 已有设定")));

    internal static string? Date(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? null
            : $"生效日期 '{text}' 无效，应为 yyyy-MM-dd";

    private static string? Scope(string text) =>
        text == PolicyScope.AllSites || IdRule.IsValid(text)
            ? null
            : $"站点 '{IdRule.Shown(text)}' 无效，应为站点编号（字母、数字和 . _ -，以字母或数字开头，最多 {IdRule.MaxLength} 个字符）或 *（所有站点）";

    /// <summary>
    /// A period by name - any name a site's configuration may give a period (docs/policy.md) - or
    /// by the number of one of the gateway's first periods (0 早餐, 1 午餐, 2 晚餐).
    /// </summary>
    private static string? Period(string text, List<string> periods, out int period)
    {
        period = periods.IndexOf(text);
        if (period >= 0)
        {
            return null;
        }

        if (text.All(char.IsAsciiDigit))
        {
            bool known = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n < DefaultPeriodCount;
            period = known ? n : -1;
            return known ? null : $"未知餐别 '{text}'，应为餐别名称（如 {string.Join("、", periods.Take(DefaultPeriodCount))}）或 0..{DefaultPeriodCount - 1}";
        }

        if (System.Text.Encoding.UTF8.GetByteCount(text) > ConfigImage.MaxNameBytes)
        {
            return $"餐别名称 '{text}' 太长，终端最多显示 {ConfigImage.MaxNameBytes} 字节（6 个汉字）";
        }

        char missing = text.FirstOrDefault(c => MealTerminal.Core.Display.GlyphTable.Characters.IndexOf(c) < 0);
        if (missing != default)
        {
            return $"餐别名称 '{text}' 含终端无法显示的字 '{missing}'，不会是任何站点配置中的餐别";
        }

        periods.Add(text);
        period = periods.Count - 1;
        return null;
    }

    private const int DefaultPeriodCount = 3;

    private static string? Category(string text, out int category)
    {
        category = CategoryNumber(text);
        return category >= 0 ? null : $"未知老人类别 '{text}'，应为 0..10 或 {string.Join("、", Enumerable.Range(0, ElderCategory.Count).Select(ElderCategory.ChineseName))}";
    }

    private static int CategoryNumber(string text)
    {
        for (int c = 0; c < ElderCategory.Count; c++)
        {
            if (ElderCategory.ChineseName(c) == text)
            {
                return c;
            }
        }

        if (CategoryAliases.TryGetValue(text, out int alias))
        {
            return alias;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n < ElderCategory.Count ? n : -1;
    }

    private static string? Amount(string text, string what, out long fen) =>
        Yuan.TryParseFen(text, out fen) ? null : $"{what}金额 '{text}' 无效，应为元，最多两位小数，如 12 或 12.50";
}

/// <summary>A policy, or the problems that kept the file from being one.</summary>
public sealed record PolicyParseResult(SubsidyPolicy? Policy, IReadOnlyList<PolicyError> Errors)
{
    public string Describe(string source) => string.Join(Environment.NewLine, Errors.Select(e => $"{source} {e}"));
}
