namespace MealTerminal.Simulator.Tests;

public class SelfTestCommandTests
{
    [Fact]
    public void TheSimulatorsSelfTest_ReportsEveryCheck_AndShowsThePassScreen()
    {
        var output = new StringWriter();

        int exit = SelfTestCommand.Run(output);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Equal(15, lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
        Assert.Equal("RESULT pass=15 fail=0", lines[^2]);
        Assert.Equal("自检通过 | 全部15项正常", lines[^1]);
    }
}
