using MealTerminal.Benchmarks.Memory;

namespace MealTerminal.Core.Tests.Memory;

/// <summary>
/// Issue 15's budget, in NanoHeapModel's terms: the self-test at most 24 KB on top of the running
/// terminal, which with its adapters gets at most 64 KB. The figures themselves are in docs/benchmarks.md.
/// </summary>
public class MemoryBudgetTests
{
    /// <summary>Room this test leaves in the 64 KB for M2Mqtt, Wi-Fi and the adapters, which the host cannot model.</summary>
    private const long AdapterAllowance = 16 * 1024;

    [Fact]
    public void EachSelfTestCheck_AtItsFullest_FitsTheSelfTestBudget()
    {
        foreach (FootprintLine check in Footprint.SelfTestChecks())
        {
            Assert.True(check.Bytes <= Footprint.SelfTestBudget, $"{check.Name}: {check.Bytes:N0} bytes, budget {Footprint.SelfTestBudget:N0}");
        }
    }

    [Fact]
    public void TheRunningTerminalsCore_LeavesRoomForTheAdaptersInItsBudget()
    {
        long core = Footprint.RunningTerminal().Sum(l => l.Bytes);

        Assert.True(core <= Footprint.TerminalBudget - AdapterAllowance, $"core terminal {core:N0} bytes");
    }

    [Fact]
    public void TheLargestStructures_AreWhereTheDeviceMeasurementFoundThem()
    {
        var lines = Footprint.RunningTerminal().ToDictionary(l => l.Name, l => l.Bytes);

        // who-ate: 2,048 elder ids (uint) and counts (ushort), two arrays and the table object.
        Assert.InRange(lines["who-ate (2,048 elders)"], (2048 * 6) + 40, (2048 * 6) + 200);
        // two uint and a "header read" flag per ledger sector: 784 sectors on a W25Q32 less roster, state and config.
        Assert.InRange(lines["ledger per-sector tables"], ((2 * 4) + 1) * 700, (((2 * 4) + 1) * 800) + 72);
    }
}
