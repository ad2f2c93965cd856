using MealGateway.Policy;
using MealTerminal.Core.Meals;

namespace MealGateway.Tests.Policy;

public class PolicyParserTests
{
    private static readonly MealPeriod[] Periods = TerminalConfig.DefaultPeriods();

    private const string Good = """
        # 全县午餐
        price   2025-03-01 * 午餐 15.00
        subsidy 2025-03-01 * 低保 午餐 10 5
        subsidy 2025-03-01 * 普通 午餐 2.50 12.50
        """;

    private static PolicyError SingleError(string text)
    {
        var result = PolicyParser.Parse(text, Periods);
        Assert.Null(result.Policy);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void TheExampleFileInDocs_Parses()
    {
        string path = Path.Combine(RepoRoot(), "docs", "policy.example.txt");
        var result = PolicyParser.Parse(File.ReadAllText(path), Periods);
        Assert.Empty(result.Errors);
        Assert.Equal(3 + 1, result.Policy!.Prices.Count);
        Assert.Equal(33 + 2 + 11, result.Policy.Rates.Count);
    }

    [Fact]
    public void AGoodFile_GivesRatesInFen()
    {
        var policy = PolicyParser.Parse(Good, Periods).Policy!;
        Assert.True(policy.TryRateOn("site-9", new DateOnly(2025, 3, 5), ElderCategory.Ordinary, 1, out var rate));
        Assert.Equal(new MealRate(1500, 250, 1250), rate);
    }

    [Fact]
    public void AMidMonthChange_AppliesFromItsDateOnly()
    {
        var policy = PolicyParser.Parse(Good + "\nsubsidy 2025-03-16 * 低保 午餐 12 3", Periods).Policy!;
        policy.TryRateOn("s", new DateOnly(2025, 3, 15), ElderCategory.MinimumAllowance, 1, out var before);
        policy.TryRateOn("s", new DateOnly(2025, 3, 16), ElderCategory.MinimumAllowance, 1, out var after);
        Assert.Equal(1000, before.SubsidyFen);
        Assert.Equal(1200, after.SubsidyFen);
        Assert.False(policy.TryRateOn("s", new DateOnly(2025, 2, 28), ElderCategory.MinimumAllowance, 1, out _));
    }

    [Fact]
    public void ASiteEntry_WinsOverTheCountyEntryForThatSiteOnly()
    {
        var policy = PolicyParser.Parse(Good + "\nprice 2025-03-10 s1 午餐 18\nsubsidy 2025-03-10 s1 低保 午餐 10 8\nsubsidy 2025-03-10 s1 普通 午餐 2.5 15.5", Periods).Policy!;
        policy.TryRateOn("s1", new DateOnly(2025, 3, 10), ElderCategory.MinimumAllowance, 1, out var own);
        policy.TryRateOn("s2", new DateOnly(2025, 3, 10), ElderCategory.MinimumAllowance, 1, out var county);
        Assert.Equal(new MealRate(1800, 1000, 800), own);
        Assert.Equal(new MealRate(1500, 1000, 500), county);
    }

    [Theory]
    [InlineData("meal 2025-03-01 * 午餐 15", "未知的条目类型 'meal'")]
    [InlineData("price 2025-03-01 * 午餐", "应有 5 项")]
    [InlineData("subsidy 2025-03-01 * 低保 午餐 10", "应有 7 项")]
    [InlineData("price 2025-02-30 * 午餐 15", "生效日期 '2025-02-30' 无效")]
    [InlineData("price 2025/03/01 * 午餐 15", "生效日期 '2025/03/01' 无效")]
    [InlineData("price 2025-03-01 site|1 午餐 15", "站点 'site|1' 无效")]
    [InlineData("price 2025-03-01 * 夜宵 15", "餐别名称 '夜宵' 含终端无法显示的字 '夜'")]
    [InlineData("subsidy 2025-03-01 * 低宝 午餐 10 5", "未知老人类别 '低宝'")]
    [InlineData("subsidy 2025-03-01 * 11 午餐 10 5", "未知老人类别 '11'")]
    [InlineData("price 2025-03-01 * 午餐 15.001", "价格金额 '15.001' 无效")]
    [InlineData("subsidy 2025-03-01 * 低保 午餐 -10 25", "补贴金额 '-10' 无效")]
    [InlineData("subsidy 2025-03-01 * 低保 午餐 10 5元", "自付金额 '5元' 无效")]
    public void ABadLine_IsRefusedWithItsLineNumberAndProblem(string bad, string problem)
    {
        var error = SingleError(Good + "\n" + bad);
        Assert.Equal(5, error.Line);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith("第 5 行: ", error.ToString());
    }

    [Fact]
    public void ASitePriceWithoutTheSitesOwnSubsidyLines_IsRefused()
    {
        var error = SingleError(Good + "\nprice 2025-03-10 s1 午餐 18\nsubsidy 2025-03-10 s1 低保 午餐 10 8");
        Assert.Equal(5, error.Line);
        Assert.Contains("站点 s1", error.Problem);
    }

    [Fact]
    public void ADuplicateEntry_NamesBothLines()
    {
        var error = SingleError(Good + "\nsubsidy 2025-03-01 * 1 1 10 5");
        Assert.Equal(5, error.Line);
        Assert.Contains("与第 3 行重复", error.Problem);
    }

    [Fact]
    public void SubsidyPlusCoPaymentNotEqualToPrice_IsRefused()
    {
        var error = SingleError(Good + "\nsubsidy 2025-03-16 * 低保 午餐 12 2");
        Assert.Equal(5, error.Line);
        Assert.Contains("不等于价格 15.00 元", error.Problem);
    }

    [Fact]
    public void APriceChangeThatBreaksTheSum_IsReportedOnThePriceLine()
    {
        var error = SingleError(Good + "\nprice 2025-03-20 * 午餐 16");
        Assert.Equal(5, error.Line);
        Assert.Contains("自 2025-03-20 起", error.Problem);
    }

    [Fact]
    public void ASubsidyWithNoPriceInForce_IsRefused()
    {
        var error = SingleError(Good + "\nsubsidy 2025-03-01 * 低保 晚餐 8 4");
        Assert.Equal(5, error.Line);
        Assert.Contains("没有晚餐的价格", error.Problem);
    }

    [Fact]
    public void AFileWithOnlyComments_IsRefused() => Assert.Contains("没有任何", SingleError("# nothing\n\n").Problem);

    [Fact]
    public void EveryBadLine_IsReportedInLineOrder()
    {
        var result = PolicyParser.Parse("price 2025-03-01 * 午餐 x\n\nsubsidy 2025-03-01 * 低宝 午餐 1 1", Periods);
        Assert.Equal([1, 3], result.Errors.Select(e => e.Line));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Terminal.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
