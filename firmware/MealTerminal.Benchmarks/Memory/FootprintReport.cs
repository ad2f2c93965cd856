namespace MealTerminal.Benchmarks.Memory;

/// <summary>Prints the modelled heap figures for docs/benchmarks.md.</summary>
public static class FootprintReport
{
    public static void Print(TextWriter output)
    {
        output.WriteLine("modelled nanoCLR heap (12-byte blocks; NanoHeapModel), bytes:");
        long terminal = Section(output, "running terminal, 20,000-elder roster, without adapters", Footprint.RunningTerminal());
        output.WriteLine($"  = {terminal:N0} of the {Footprint.TerminalBudget:N0} budget with adapters (M2Mqtt, Wi-Fi and the nanoFramework runtime are not modelled)");
        IReadOnlyList<FootprintLine> checks = Footprint.SelfTestChecks();
        Section(output, "self-test, each check at its fullest (they run one after another)", checks);
        long peak = checks.Max(c => c.Bytes);
        output.WriteLine($"  self-test peak {peak:N0} of the {Footprint.SelfTestBudget:N0} budget on top of the terminal");
    }

    private static long Section(TextWriter output, string title, IReadOnlyList<FootprintLine> lines)
    {
        output.WriteLine(title + ":");
        foreach (FootprintLine line in lines)
        {
            output.WriteLine($"  {line.Bytes,8:N0}  {line.Name}");
        }

        return lines.Sum(l => l.Bytes);
    }
}
