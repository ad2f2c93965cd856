using MealGateway.Downloads;
using MealGateway.Policy;
using MealGateway.Storage;
using MealGateway.Tests.Periods;
using MealGateway.Tests.Settlement;
using MealGateway.Welfare;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Welfare;

/// <summary>
/// Issue #17 (review item 1): the regulars rule is the county's, a 常来 line of the subsidy policy,
/// effective-dated; the gateway's absent list follows it at its edges with a non-default rule
/// (3 of the last 5 service days, cut-off 15:30), and a site configuration cannot disagree with it.
/// </summary>
public sealed class CountyRegularsRuleTests : IDisposable
{
    private const string Rule = "常来 2026-10-01 3 5 15:30\n常来 2026-10-21 2 2 09:00\n";
    private readonly MonthRig rig = new(MonthRig.PolicyText + "\n" + Rule);
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 10, 20, 7, 30, 0, TimeSpan.Zero)); // 15:30 local

    private readonly string configDirectory = Directory.CreateTempSubdirectory("regulars-config-").FullName;

    public void Dispose()
    {
        rig.Dispose();
        Directory.Delete(configDirectory, recursive: true);
    }

    private WelfareDesk Desk() => new(rig.Store, clock, rig.Policy.WelfareOn);

    /// <summary>S01 serves 10-13..19 (elder 1 every day); of the last 5 (15..19) elder 2 eats on 4, elder 3 on exactly 3, elder 4 on 2 (a regular by the default 4 of 7).</summary>
    private void AWeekAtS01()
    {
        for (int d = 13; d <= 19; d++)
        {
            rig.Upload("S01", "T01", Meal(1, $"2026-10-{d}", 12));
            if (d >= 16)
            {
                rig.Upload("S01", "T01", Meal(2, $"2026-10-{d}", 12));
            }

            if (d is 13 or 14 or 17 or 18 or 19)
            {
                rig.Upload("S01", "T01", Meal(3, $"2026-10-{d}", 12));
            }

            if (d is 13 or 14 or 18 or 19)
            {
                rig.Upload("S01", "T01", Meal(4, $"2026-10-{d}", 12));
            }
        }
    }

    [Fact]
    public void ThePolicysRuleInForce_MakesExactlyNOfTheLastMServiceDaysARegular_AndOneFewerNot()
    {
        AWeekAtS01();

        var list = Desk().Absent("2026-10-20");

        Assert.True(list.Ready);
        Assert.Equal("15:30", list.Cutoff);
        Assert.Equal(new long[] { 1, 2, 3 }, list.Lines.Select(l => l.ElderId).Order());
    }

    [Fact]
    public void OneMinuteBeforeTheCountysCutOff_TheListIsNotDrawnUp_AtTheCutOffMinuteItIs()
    {
        AWeekAtS01();
        clock.Advance(TimeSpan.FromMinutes(-1));
        Assert.False(Desk().Absent("2026-10-20").Ready);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(Desk().Absent("2026-10-20").Ready);
    }

    [Fact]
    public void ALaterLine_RulesFromItsDateOn_NotBefore()
    {
        Assert.Equal(new WelfareSetting(3, 5, 15 * 60 + 30), rig.Policy.WelfareOn(new DateOnly(2026, 10, 20)));
        Assert.Equal(new WelfareSetting(2, 2, 9 * 60), rig.Policy.WelfareOn(new DateOnly(2026, 10, 21)));
        Assert.Equal(new WelfareSetting(), rig.Policy.WelfareOn(new DateOnly(2026, 9, 30)));
    }

    [Theory]
    [InlineData("常来 2026-10-01 5 4 14:00", "常来天数 5 不能多于统计天数 4")]
    [InlineData("常来 2026-10-01 0 7 14:00", "常来天数 '0' 和统计天数 '7' 应为 1 到 31 的整数")]
    [InlineData("常来 2026-10-01 4 32 14:00", "常来天数 '4' 和统计天数 '32' 应为 1 到 31 的整数")]
    [InlineData("常来 2026-10-01 4 7 00:00", "截止时间 '00:00' 无效，应为 HH:MM（00:01 到 23:59，如 14:00）")]
    [InlineData("常来 2026-10-01 4 7", "常来 条目应有 5 项（常来 生效日期 天数N 统计天数M 截止时间），实际 4 项")]
    public void ABadRegularsLine_IsRefusedWithItsLine(string line, string problem)
    {
        var result = PolicyParser.Parse(MonthRig.PolicyText + "\n" + line, TerminalConfig.DefaultPeriods());

        Assert.Null(result.Policy);
        Assert.Equal(new PolicyError(8, problem), Assert.Single(result.Errors));
    }

    [Fact]
    public void ASiteConfigWhoseRegularsFieldsDisagree_IsRefusedNamingTheLine_AndNothingIsStored()
    {
        using var store = new MealStore(configDirectory, 8 * 60);
        var images = new SiteImages(store);
        var policy = ConfigPolicy();

        var image = SiteFiles.Import(images, "config", "S01", "餐别 = 午餐 11:00-13:30 1\n常来天数 = 3\n未到截止时间 = 14:00\n", "config.txt",
            new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc), policy, out var problems);

        Assert.Null(image);
        Assert.Null(images.Current("S01", DownloadCodec.KindConfig));
        Assert.Equal(["config.txt 第 3 行: 未到截止时间 14:00 与县里的常来规则（补贴政策 常来 条目，2026-11-23 起适用）15:30 不符；请删去这一行（网关按县里的规则填写）或改为 15:30"], problems);
    }

    [Fact]
    public void ASiteConfigThatLeavesTheRegularsFieldsOut_GetsTheCountysRuleInItsImage()
    {
        using var store = new MealStore(configDirectory, 8 * 60);
        var images = new SiteImages(store);

        var image = SiteFiles.Import(images, "config", "S01", "餐别 = 午餐 11:00-13:30 1\n常来天数 = 3\n", "config.txt",
            new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc), ConfigPolicy(), out var problems);

        Assert.Empty(problems);
        var values = new ConfigValues();
        Assert.True(ConfigImage.TryDecode(image!.Image, image.Image.Length, values) > 0);
        Assert.Equal((3, 5, 15 * 60 + 30), (DeliverySettings.RegularDays(values.Extensions), DeliverySettings.RegularWindow(values.Extensions),
            DeliverySettings.AbsentCutoffMinute(values.Extensions)));
    }

    [Fact]
    public void ACountyOnTheDefaultRule_LeavesAConfigImageWithoutRegularsFieldsUnchanged()
    {
        using var store = new MealStore(configDirectory, 8 * 60);
        var images = new SiteImages(store);
        var parsed = PolicyParser.Parse(PeriodRig.PolicyText(("午餐", "15", "2", "13")), TerminalConfig.DefaultPeriods());

        var image = SiteFiles.Import(images, "config", "S01", "餐别 = 午餐 11:00-13:30 1\n", "config.txt",
            new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc), parsed.Policy, out var problems);

        Assert.Empty(problems);
        Assert.NotEqual(ConfigImage.FormatVersionWithExtensions, image!.Image[0]);
    }

    private static SubsidyPolicy ConfigPolicy()
    {
        var parsed = PolicyParser.Parse(PeriodRig.PolicyText(("午餐", "15", "2", "13")) + "\n常来 2026-10-01 3 5 15:30", TerminalConfig.DefaultPeriods());
        Assert.True(parsed.Policy is not null, parsed.Describe("policy"));
        return parsed.Policy!;
    }
}
