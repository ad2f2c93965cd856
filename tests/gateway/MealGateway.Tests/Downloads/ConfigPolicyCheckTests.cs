using MealGateway.Downloads;
using MealGateway.Periods;
using MealGateway.Policy;
using MealGateway.Storage;
using MealGateway.Tests.Periods;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;

namespace MealGateway.Tests.Downloads;

/// <summary>
/// Issue 13 item 9: a configuration is checked against the policy settlement bills with before it
/// is stored - periods the policy cannot price, and prices shown to elders that are not the
/// policy's, are refused with the file line; nothing is stored.
/// </summary>
public sealed class ConfigPolicyCheckTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private readonly string directory = Directory.CreateTempSubdirectory("configcheck-").FullName;
    private readonly MealStore store;
    private readonly SiteImages images;

    public ConfigPolicyCheckTests()
    {
        store = new MealStore(directory, 8 * 60);
        images = new SiteImages(store);
    }

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void APeriodThePolicyDoesNotPrice_IsRefusedNamingItsLine_AndNothingIsStored()
    {
        var policy = Policy(("早餐", "6", "1", "5"), ("午餐", "15", "2", "13"));
        var problems = Refused("S01", "餐别 = 午餐 11:00-13:30 1\n餐别 = 间餐 14:30-15:30 1\n", policy);

        Assert.Equal(["config.txt 第 2 行: 补贴政策在 2026-11-23 对站点 S01 的间餐没有 普通、低保、特困、低保边缘、独居、空巢、留守、失能、残疾、高龄、计生特殊 的价格或补贴标准，这个餐别的用餐无法结算；请先在补贴政策中加入间餐的 price 和 subsidy 条目"], problems);
    }

    [Fact]
    public void PricesShownToEldersThatAreNotThePolicys_AreRefusedNamingThePriceLine()
    {
        var policy = Policy(("午餐", "15", "2", "13"));
        var problems = Refused("S01", "餐别 = 午餐 11:00-13:30 1\n价格 = 午餐 * 15.00 2.00\n价格 = 午餐 低保 15.00 12.00\n", policy);

        Assert.Equal(["config.txt 第 3 行: 午餐 低保 价格 15.00 元、补贴 12.00 元，与补贴政策在 2026-11-23 的价格 15.00 元、补贴 2.00 元不符；终端向老人显示的金额必须与结算一致"], problems);
    }

    [Fact]
    public void PricesThatAreThePolicys_AreStored()
    {
        var policy = Policy(("午餐", "15", "2", "13"));
        var image = SiteFiles.Import(images, "config", "S01", "餐别 = 午餐 11:00-13:30 1\n价格 = 午餐 * 15.00 2.00\n", "config.txt", Now, policy, out var problems);

        Assert.Empty(problems);
        Assert.Equal(1, image!.Version);
    }

    [Fact]
    public void WithoutAPolicy_AConfigIsRefused()
    {
        var problems = Refused("S01", "餐别 = 午餐 11:00-13:30 1\n", null);

        Assert.Contains("网关没有可用的补贴政策", Assert.Single(problems));
    }

    [Fact]
    public void AFifthPeriodNameCountyWide_IsRefused_BecauseTalliesHoldFourPeriodCodes()
    {
        var policy = Policy(("早餐", "6", "1", "5"), ("午餐", "15", "2", "13"), ("晚餐", "12", "1", "11"), ("间餐", "5", "1", "4"), ("助餐", "5", "1", "4"));
        Assert.NotNull(SiteFiles.Import(images, "config", "S01", "餐别 = 午餐 11:00-13:30 1\n餐别 = 间餐 14:30-15:30 1\n", "config.txt", Now, policy, out _));

        var problems = Refused("S02", "餐别 = 助餐 11:00-13:30 1\n", policy);

        Assert.StartsWith("config.txt 第 1 行: 餐别 '助餐' 是新的餐别名称，但网关的统计最多区分 4 种餐别 (已有 早餐、午餐、晚餐、间餐)", Assert.Single(problems));
        Assert.Equal(["早餐", "午餐", "晚餐", "间餐"], store.Periods.Select(p => p.Name));
    }

    [Fact]
    public void AStoredConfigWhosePriceThePolicyLaterChanges_IsReportedWhenThatPolicyLoads()
    {
        Assert.NotNull(SiteFiles.Import(images, "config", "S01", "餐别 = 午餐 11:00-13:30 1\n价格 = 午餐 * 15.00 2.00\n", "config.txt", Now, Policy(("午餐", "15", "2", "13")), out _));

        var problems = ConfigPolicyCheck.StoredConfigs(images, Policy(("午餐", "16", "2", "14")), new DateOnly(2026, 12, 1));

        Assert.StartsWith("站点 S01 配置第 1 版 第 2 行: 午餐 普通 价格 15.00 元、补贴 2.00 元，与补贴政策在 2026-12-01 的价格 16.00 元", Assert.Single(problems));
    }

    private List<string> Refused(string site, string text, SubsidyPolicy? policy)
    {
        Assert.Null(SiteFiles.Import(images, "config", site, text, "config.txt", Now, policy, out var problems));
        Assert.Null(images.Current(site, DownloadCodec.KindConfig));
        return problems;
    }

    private static SubsidyPolicy Policy(params (string, string, string, string)[] periods)
    {
        var parsed = PolicyParser.Parse(PeriodRig.PolicyText(periods), TerminalConfig.DefaultPeriods());
        Assert.True(parsed.Policy is not null, parsed.Describe("policy"));
        return parsed.Policy!;
    }
}
