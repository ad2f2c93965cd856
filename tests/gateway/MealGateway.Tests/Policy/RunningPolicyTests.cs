using MealGateway.Policy;
using MealTerminal.Core.Meals;

namespace MealGateway.Tests.Policy;

public sealed class RunningPolicyTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.txt");

    [Fact]
    public void ReloadingABadFile_KeepsTheRunningPolicyAndNamesTheLine()
    {
        File.WriteAllText(path, "price 2025-03-01 * 午餐 15\nsubsidy 2025-03-01 * 低保 午餐 10 5\n");
        var running = new RunningPolicy(path, TerminalConfig.DefaultPeriods());
        Assert.True(running.TryReload(out _));
        var loaded = running.Current;

        File.WriteAllText(path, "price 2025-03-01 * 午餐 15\nsubsidy 2025-03-01 * 低保 午餐 10 6\n");
        Assert.False(running.TryReload(out string problem));
        Assert.Same(loaded, running.Current);
        Assert.StartsWith($"{Path.GetFileName(path)} 第 2 行: ", problem);
    }

    [Fact]
    public void AMissingFile_IsReportedAndNothingIsLoaded()
    {
        var running = new RunningPolicy(path, TerminalConfig.DefaultPeriods());
        Assert.False(running.TryReload(out string problem));
        Assert.Contains("找不到补贴政策文件", problem);
        Assert.Null(running.Current);
    }

    public void Dispose() => File.Delete(path);
}
