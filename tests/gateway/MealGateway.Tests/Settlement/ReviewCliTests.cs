using MealGateway.Settlement;
using MealGateway.Tests.ExactlyOnce;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Settlement;

/// <summary>The reviews and review commands, run as the operator runs them: a separate process on a stopped gateway's data.</summary>
public sealed class ReviewCliTests : IDisposable
{
    private readonly MonthRig rig = new();

    public ReviewCliTests()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12));
        rig.Upload("S02", "T05", Meal(1, "2026-10-03", 11));
        rig.Store.Dispose();
    }

    public void Dispose()
    {
        rig.Open();
        rig.Dispose();
    }

    [Fact]
    public async Task Review_RefusesBadInputWithNothingChanged_ThenDecidesOnce_AndReviewsShowsTheDecision()
    {
        var listed = await GatewayProcess.RunCommandAsync("reviews", "--data", rig.Directory, "--month", "2026-10");
        Assert.Equal(0, listed.Exit);
        Assert.Contains("S01/T01/0000000001\t1\t2026-10-03\t午餐\t待审核（暂不支付）\tS02/T05/0000000001", listed.Out);

        var blank = await GatewayProcess.RunCommandAsync("review", "--data", rig.Directory, "--id", "S01/T01/0000000001", "--decision", "approve", "--reason", " ", "--by", "张三");
        Assert.Equal((2, true), (blank.Exit, blank.Error.Contains("必须填写理由")));
        var unknown = await GatewayProcess.RunCommandAsync("review", "--data", rig.Directory, "--id", "S01/T01/0000000002", "--decision", "approve", "--reason", "核实", "--by", "张三");
        Assert.Equal((1, true), (unknown.Exit, unknown.Error.Contains("没有编号为 S01/T01/0000000002 的待审核餐次")));

        var decided = await GatewayProcess.RunCommandAsync("review", "--data", rig.Directory, "--id", "S01/T01/0000000001", "--decision", "reject", "--reason", "重复刷卡", "--by", "李四");
        Assert.Equal(0, decided.Exit);
        var again = await GatewayProcess.RunCommandAsync("review", "--data", rig.Directory, "--id", "S01/T01/0000000001", "--decision", "approve", "--reason", "改主意", "--by", "张三");
        Assert.Equal((1, true), (again.Exit, again.Error.Contains("不能再改")));

        var after = await GatewayProcess.RunCommandAsync("reviews", "--data", rig.Directory, "--month", "2026-10", "--site", "S01");
        Assert.Contains($"{HeldMeal.Label(HeldMeal.Rejected)}\tS02/T05/0000000001\t李四\t重复刷卡", after.Out);
        Assert.Contains("待审核 0 条，共 1 条", after.Out);
    }
}
