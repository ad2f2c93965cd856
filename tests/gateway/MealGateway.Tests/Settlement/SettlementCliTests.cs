using ClosedXML.Excel;
using MealGateway.Tests.ExactlyOnce;
using MealTerminal.Core.Meals;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Settlement;

/// <summary>The settle, statements, export and outbox commands, run as the operator runs them: a separate process.</summary>
public sealed class SettlementCliTests : IDisposable
{
    private readonly MonthRig rig = new();
    private readonly string policy;

    public SettlementCliTests()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12, ElderCategory.MinimumAllowance), Meal(2, "2026-10-03", 7));
        rig.Upload("S02", "T01", Meal(3, "2026-10-04", 12));
        rig.Store.Dispose();
        policy = Path.Combine(rig.Directory, "policy.txt");
        File.WriteAllText(policy, PolicyText);
    }

    public void Dispose()
    {
        rig.Open();
        rig.Dispose();
    }

    [Fact]
    public async Task Settle_ShowsProgressAndEachSitesStatement_ThenStatementsExportAndOutboxReadThem()
    {
        var settled = await GatewayProcess.RunCommandAsync("settle", "--data", rig.Directory, "--policy", policy, "--month", "2026-10", "--gateway-id", "GW1");
        Assert.Equal(0, settled.Exit);
        Assert.Contains("结算进度 2/2 个站点", settled.Error);
        Assert.Contains("S01 2026-10 第 1 版: 用餐 2 人次, 补贴 11.00 元, 自付 10.00 元", settled.Out);

        var listed = await GatewayProcess.RunCommandAsync("statements", "--data", rig.Directory, "--site", "S01", "--month", "2026-10");
        Assert.Equal(0, listed.Exit);
        Assert.Contains("1\t", listed.Out);

        string xlsx = Path.Combine(rig.Directory, "s01.xlsx");
        var exported = await GatewayProcess.RunCommandAsync("export", "--data", rig.Directory, "--site", "S01", "--month", "2026-10", "--out", xlsx);
        Assert.Equal(0, exported.Exit);
        using (var book = new XLWorkbook(xlsx))
        {
            Assert.Equal("日期", book.Worksheet("明细").Cell(1, 1).GetString());
        }

        var outbox = await GatewayProcess.RunCommandAsync("outbox", "--data", rig.Directory);
        Assert.Equal(0, outbox.Exit);
        Assert.Contains("待发送 4 条，已送达 0 条", outbox.Out);
        Assert.Contains("GW1:monthly:S02:2026-10:r1\t尚未发送", outbox.Out);
    }

    [Theory]
    [InlineData("2026-13", "--month 应为 yyyy-MM")]
    [InlineData("10/2026", "--month 应为 yyyy-MM")]
    public async Task Settle_WithABadMonth_ExitsNonZeroWithAClearMessage(string month, string message)
    {
        var result = await GatewayProcess.RunCommandAsync("settle", "--data", rig.Directory, "--policy", policy, "--month", month);
        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Settle_OfAMonthNotYetBegun_ExitsNonZeroWithTheReason_AndWritesNothing()
    {
        var result = await GatewayProcess.RunCommandAsync("settle", "--data", rig.Directory, "--policy", policy, "--month", "2999-01");
        Assert.Equal(2, result.Exit);
        Assert.Contains("2999-01 尚未开始", result.Error);

        var outbox = await GatewayProcess.RunCommandAsync("outbox", "--data", rig.Directory);
        Assert.Contains("待发送 0 条", outbox.Out);
    }

    [Fact]
    public async Task Settle_WithABadPolicyFile_NamesTheLine_AndWritesNothing()
    {
        File.WriteAllText(policy, PolicyText + "\nsubsidy 2026-10-01 * 低宝 午餐 10 5\n");
        var result = await GatewayProcess.RunCommandAsync("settle", "--data", rig.Directory, "--policy", policy, "--month", "2026-10");
        Assert.Equal(2, result.Exit);
        Assert.Contains("policy.txt 第 8 行", result.Error);
        Assert.Contains("低宝", result.Error);

        var outbox = await GatewayProcess.RunCommandAsync("outbox", "--data", rig.Directory);
        Assert.Contains("待发送 0 条", outbox.Out);
    }

    [Fact]
    public async Task Export_OfAMissingStatementOrFormat_ExitsNonZero()
    {
        var missing = await GatewayProcess.RunCommandAsync("export", "--data", rig.Directory, "--site", "S09", "--month", "2026-10");
        Assert.Equal(1, missing.Exit);
        Assert.Contains("没有", missing.Error);
        var format = await GatewayProcess.RunCommandAsync("export", "--data", rig.Directory, "--site", "S01", "--month", "2026-10", "--format", "pdf");
        Assert.Equal(2, format.Exit);
        var noDatabase = await GatewayProcess.RunCommandAsync("outbox", "--data", Path.Combine(rig.Directory, "nowhere"));
        Assert.Equal(2, noDatabase.Exit);
    }
}
