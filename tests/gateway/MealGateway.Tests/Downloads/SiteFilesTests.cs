using MealGateway.Downloads;
using MealGateway.Policy;
using MealGateway.Tests.Periods;
using MealGateway.Storage;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Sync;

namespace MealGateway.Tests.Downloads;

/// <summary>Roster CSV and config files: refused whole with line-numbered Chinese reasons, stored as the site's next version only when good.</summary>
public sealed class SiteFilesTests : IDisposable
{
    private const string Header = "卡号,老人编号,类别,状态,起始日期,截止日期\n";
    private readonly string directory = Directory.CreateTempSubdirectory("sitefiles-").FullName;
    /// <summary>The policy the good configuration's prices agree with: 早餐 4.00 all subsidised, 午餐 12.00 with 9.00 (特困 12.00) subsidy.</summary>
    private static readonly SubsidyPolicy Policy = PolicyParser.Parse(
        PeriodRig.PolicyText(("早餐", "4", "4", "0"), ("午餐", "12", "9", "3"), ("晚餐", "12", "9", "3"))
            .Replace("* 特困 午餐 9 3", "* 特困 午餐 12 0"), TerminalConfig.DefaultPeriods()).Policy!;

    private readonly MealStore store;
    private readonly SiteImages images;

    public SiteFilesTests()
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
    public void AGoodRoster_BecomesTheSitesNextVersion_SortedAndComplete()
    {
        string csv = "\uFEFF" + Header + "04A1B2C3D4E5F6,1001,低保,正常,2024-01-01,\r\n# 补卡\n04A1B2C3D4E5F7,1002,高龄,挂失,,2026-12-31\n1A2B3C4D,1002,高龄,,,\n";
        var first = SiteFiles.Import(images, "roster", "S01", csv, "roster.csv", DateTime.UtcNow, Policy, out var problems);
        Assert.Empty(problems);
        Assert.Equal(1, first!.Version);
        Assert.Equal(3, first.Entries);
        var second = SiteFiles.Import(images, "roster", "S01", csv, "roster.csv", DateTime.UtcNow, Policy, out _);
        Assert.Equal(2, second!.Version);
        Assert.Equal(2u, BitConverter.ToUInt32(second.Image, 8));
        Assert.Same(second, images.Current("S01", DownloadCodec.KindRoster));
    }

    [Theory]
    [InlineData("04A1B2C3D4E5F6,1001,低宝,正常,,", "roster.csv 第 3 行: 未知老人类别 '低宝'")]
    [InlineData("04A1B2C3D4E5,1001,低保,正常,,", "roster.csv 第 3 行: 卡号 '04A1B2C3D4E5' 应为 4, 7 或 10 字节")]
    [InlineData("08A1B2C3,1001,低保,正常,,", "随机卡号")]
    [InlineData("04A1B2C3D4E5F6,1002,低保,正常,,", "卡号 04A1B2C3D4E5F6 与第 2 行重复")]
    [InlineData("04A1B2C3D4E5F8,1001,低保,正常,,", "老人编号 1001 在第 2 行已有一张正常状态的卡")]
    [InlineData("04A1B2C3D4E5F8,0,低保,正常,,", "老人编号 '0' 应为 1 到 16777215")]
    [InlineData("04A1B2C3D4E5F8,1003,低保,作废,,", "未知卡状态 '作废'")]
    [InlineData("04A1B2C3D4E5F8,1003,低保,正常,2026-02-30,", "起始日期 '2026-02-30'")]
    [InlineData("04A1B2C3D4E5F8,1003,低保,正常,2026-05-01,2026-04-30", "截止日期 2026-04-30 早于起始日期 2026-05-01")]
    [InlineData("04A1B2C3D4E5F8,1003,低保", "应有 6 列, 实有 3 列")]
    public void ABadRosterLine_IsRefusedWithItsLineNumber_AndNothingIsStored(string line, string expected)
    {
        SiteFiles.Import(images, "roster", "S01", Header + "04A1B2C3D4E5F6,1001,低保,正常,,\n", "roster.csv", DateTime.UtcNow, Policy, out _);
        var image = SiteFiles.Import(images, "roster", "S01", Header + "04A1B2C3D4E5F6,1001,低保,正常,,\n" + line + "\n", "roster.csv", DateTime.UtcNow, Policy, out var problems);

        Assert.Null(image);
        Assert.Contains(problems, p => p.Contains(expected));
        Assert.Equal(1, images.Current("S01", DownloadCodec.KindRoster)!.Version);
        Assert.Equal(1, new SiteImages(store).Current("S01", DownloadCodec.KindRoster)!.Version);
    }

    [Theory]
    [InlineData("编号,类别\n", "未知的列 '编号'")]
    [InlineData("卡号,类别\n", "缺少必需的列 '老人编号'")]
    [InlineData("", "文件是空的")]
    [InlineData(Header, "名册没有任何老人")]
    public void ARosterWithoutUsableHeaderOrEntries_IsRefused(string csv, string expected)
    {
        Assert.Null(SiteFiles.Import(images, "roster", "S01", csv, "roster.csv", DateTime.UtcNow, Policy, out var problems));
        Assert.Contains(problems, p => p.Contains(expected));
        Assert.Null(images.Current("S01", DownloadCodec.KindRoster));
    }

    [Fact]
    public void AGoodConfig_IsEncodedForTheTerminal()
    {
        const string text = "时区 = +08:00\n存储预警 = 75\n防重复秒数 = 4\n餐别 = 早餐 06:30-08:30 1\n餐别 = 午餐 11:00-13:30 2\n价格 = 早餐 * 4.00 4.00\n价格 = 午餐 * 12.00 9.00\n价格 = 午餐 特困 12.00 12.00\n";
        var image = SiteFiles.Import(images, "config", "S01", text, "config.txt", DateTime.UtcNow, Policy, out var problems);
        Assert.Empty(problems);

        var values = new ConfigValues();
        Assert.Equal(image!.Image.Length, ConfigImage.TryDecode(image.Image, image.Image.Length, values));
        Assert.Equal(1u, values.Version);
        Assert.Equal(75, values.StorageWarningPercent);
        Assert.Equal(4000, values.DebounceMilliseconds);
        Assert.Equal(2, values.Periods[1].LimitPerElder);
        Assert.Equal(1200, values.SubsidyFen[ElderCategory.Count + ElderCategory.ExtremePoverty]);
        Assert.Equal(900, values.SubsidyFen[ElderCategory.Count + ElderCategory.Ordinary]);
    }

    [Fact]
    public void AConfigWithAClocklessGap_CarriesItToTheTerminal_AndWithoutOneTheDefaultThreeHours()
    {
        var image = SiteFiles.Import(images, "config", "S01", "餐别 = 午餐 11:00-13:30 1\n无时钟用餐间隔分钟 = 240\n", "config.txt", DateTime.UtcNow, Policy, out var problems);
        Assert.Empty(problems);
        var values = new ConfigValues();
        Assert.Equal(image!.Image.Length, ConfigImage.TryDecode(image.Image, image.Image.Length, values));
        Assert.Equal(240, values.ClocklessGapMinutes);

        var plain = SiteFiles.Import(images, "config", "S01", "餐别 = 午餐 11:00-13:30 1\n", "config.txt", DateTime.UtcNow, Policy, out problems);
        Assert.Equal(1, plain!.Image[0]); // format 1: terminals that know only it still read it
        Assert.Equal(plain.Image.Length, ConfigImage.TryDecode(plain.Image, plain.Image.Length, values));
        Assert.Equal(TerminalConfig.DefaultClocklessGapMinutes, values.ClocklessGapMinutes);
    }

    [Theory]
    [InlineData("餐别 = 午餐 11:00-13:30 1\n无时钟用餐间隔分钟 = 30\n", "第 2 行: 无时钟用餐间隔分钟应为 60 到 1440")]
    [InlineData("餐别 = 午餐 11:00-13:30 1\n餐别 = 晚餐 13:00-14:00 1\n", "第 2 行: 餐别 '晚餐' 与 '午餐' 时段重叠")]
    [InlineData("餐别 = 夜宵 21:00-22:00 1\n", "含终端无法显示的字 '夜'")]
    [InlineData("餐别 = 午餐 13:30-11:00 1\n", "开始早于结束")]
    [InlineData("餐别 = 午餐 11:00-13:30 4\n", "每人份数 '4' 应为 1 到 3")]
    [InlineData("存储预警 = 30\n餐别 = 午餐 11:00-13:30 1\n", "第 1 行: 存储预警应为 50 到 99")]
    [InlineData("时区 = 8\n餐别 = 午餐 11:00-13:30 1\n", "时区 '8' 应为 +08:00")]
    [InlineData("颜色 = 红\n餐别 = 午餐 11:00-13:30 1\n", "未知的设置 '颜色'")]
    [InlineData("时区 = +08:00\n", "至少需要一个 餐别")]
    [InlineData("餐别 = 早餐 06:30-08:30 1\n餐别 = 午餐 11:00-13:30 1\n价格 = 午餐 * 12.00 9.00\n", "缺少 早餐 普通 的价格")]
    [InlineData("餐别 = 午餐 11:00-13:30 1\n价格 = 午餐 * 12.00 19.00\n", "补贴 19.00 元高于价格 12.00 元")]
    [InlineData("餐别 = 午餐 11:00-13:30 1\n价格 = 晚餐 * 12.00 9.00\n", "没有名为 '晚餐' 的餐别")]
    public void ABadConfig_IsRefusedWithItsReason_AndNothingIsStored(string text, string expected)
    {
        Assert.Null(SiteFiles.Import(images, "config", "S01", text, "config.txt", DateTime.UtcNow, Policy, out var problems));
        Assert.Contains(problems, p => p.Contains(expected));
        Assert.Null(images.Current("S01", DownloadCodec.KindConfig));
    }

    [Fact]
    public void ASiteIdThatIsNotOneTopicLevel_IsRefused()
    {
        Assert.Null(SiteFiles.Import(images, "roster", "S01/T01", Header + "04A1B2C3D4E5F6,1001,低保,正常,,\n", "roster.csv", DateTime.UtcNow, Policy, out var problems));
        Assert.Contains("站点编号", Assert.Single(problems));
    }
}
