using MealGateway.Downloads;
using MealGateway.Policy;
using MealTerminal.Core.Meals;

namespace MealGateway.Periods;

/// <summary>
/// Checks a site's configuration against what the gateway settles with, before it is stored:
/// its period names fit the gateway's period codes, the policy prices every period for every elder
/// category on the day it is stored, and any price it shows elders is the policy's price and
/// subsidy on that day (docs/rosters.md), and its welfare-check fields are the county's rule
/// (WelfareConfigCheck). Every problem names the file line.
/// </summary>
public static class ConfigPolicyCheck
{
    public static List<string> Problems(string site, ConfigValues values, string text, string fileName, SubsidyPolicy? policy, MealPeriod[] catalogue, DateOnly day, bool stored = false)
    {
        var problems = new List<string>();
        var newNames = PeriodCatalogue.NewNames(catalogue, values.Periods);
        if (catalogue.Length + newNames.Count > PeriodCatalogue.Capacity)
        {
            foreach (string name in newNames.Skip(PeriodCatalogue.Capacity - catalogue.Length))
            {
                problems.Add($"{Where(fileName, PeriodLine(text, name))}: 餐别 '{name}' 是新的餐别名称，但网关的统计最多区分 {PeriodCatalogue.Capacity} 种餐别 " +
                    $"(已有 {string.Join("、", catalogue.Select(c => c.Name))})；请改用已有的餐别名称");
            }
        }

        if (policy is null)
        {
            problems.Add($"{fileName}: 网关没有可用的补贴政策，无法核对这些餐别能否结算；请先提供补贴政策文件 (--policy)");
            return problems;
        }

        problems.AddRange(Welfare.WelfareConfigCheck.Problems(values, text, fileName, policy.WelfareOn(day), day, stored));
        for (int period = 0; period < values.Periods.Length; period++)
        {
            string name = values.Periods[period].Name;
            var missing = Enumerable.Range(0, ElderCategory.Count).Where(c => !policy.TryRateOn(site, day, c, name, out _)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{Where(fileName, PeriodLine(text, name))}: 补贴政策在 {day:yyyy-MM-dd} 对站点 {site} 的{name}没有 " +
                    $"{string.Join("、", missing.Select(ElderCategory.ChineseName))} 的价格或补贴标准，这个餐别的用餐无法结算；请先在补贴政策中加入{name}的 price 和 subsidy 条目");
                continue;
            }

            if (values.PriceFen is not null)
            {
                problems.AddRange(PriceMismatches(site, values, period, text, fileName, policy, day));
            }
        }

        return problems;
    }

    /// <summary>
    /// What the sites' current configurations no longer agree with in a newly loaded policy (a
    /// price changed, a period lost its lines): the gateway warns, since the configurations are
    /// already on the terminals; the operator gives those sites their configuration again.
    /// </summary>
    public static List<string> StoredConfigs(SiteImages images, SubsidyPolicy policy, DateOnly day)
    {
        var problems = new List<string>();
        var catalogue = images.PeriodCatalogue();
        foreach (var image in images.All().Where(i => i.Kind == MealTerminal.Core.Sync.DownloadCodec.KindConfig))
        {
            var values = new ConfigValues();
            if (ConfigImage.TryDecode(image.Image, image.Image.Length, values) > 0)
            {
                problems.AddRange(Problems(image.Site, values, image.Source, $"站点 {image.Site} 配置第 {image.Version} 版", policy, catalogue, day, stored: true));
            }
        }

        return problems;
    }

    /// <summary>One problem per config line whose price or subsidy differs from the policy's (the first category it gets wrong).</summary>
    private static IEnumerable<string> PriceMismatches(string site, ConfigValues values, int period, string text, string fileName, SubsidyPolicy policy, DateOnly day)
    {
        string name = values.Periods[period].Name;
        var reported = new HashSet<int>();
        for (int category = 0; category < ElderCategory.Count; category++)
        {
            int i = (period * ElderCategory.Count) + category;
            policy.TryRateOn(site, day, category, name, out var rate);
            if (values.PriceFen![i] == rate.PriceFen && values.SubsidyFen![i] == rate.SubsidyFen)
            {
                continue;
            }

            int line = PriceLine(text, name, ElderCategory.ChineseName(category));
            if (reported.Add(line))
            {
                yield return $"{Where(fileName, line)}: {name} {ElderCategory.ChineseName(category)} 价格 {Yuan.Format(values.PriceFen[i])} 元、补贴 " +
                    $"{Yuan.Format(values.SubsidyFen[i])} 元，与补贴政策在 {day:yyyy-MM-dd} 的价格 {Yuan.Format(rate.PriceFen)} 元、补贴 {Yuan.Format(rate.SubsidyFen)} 元不符；" +
                    "终端向老人显示的金额必须与结算一致";
            }
        }
    }

    private static string Where(string fileName, int line) => line > 0 ? $"{fileName} 第 {line} 行" : fileName;

    private static int PeriodLine(string text, string name) =>
        ConfigText.LastLine(text, "餐别", parts => parts.Length > 0 && parts[0] == name);

    private static int PriceLine(string text, string period, string category) =>
        ConfigText.LastLine(text, "价格", parts => parts.Length > 1 && parts[0] == period && (parts[1] == category || parts[1] == "*"));
}
