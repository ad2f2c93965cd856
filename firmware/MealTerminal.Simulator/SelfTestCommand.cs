using MealTerminal.Core.Display;
using MealTerminal.Core.SelfTest;
using MealTerminal.Simulator.Adapters;

namespace MealTerminal.Simulator;

/// <summary>The terminal's self-test on the PC: the same report a technician reads on the device, then what its screen shows.</summary>
public static class SelfTestCommand
{
    /// <summary>Runs the self-test, writes the report and the result screen; returns the exit code (1 on any failure).</summary>
    public static int Run(TextWriter output)
    {
        var run = new SelfTestRun(new Writer(output));
        bool passed = run.Run();
        var screen = new Screen();
        run.ShowResult(screen);
        output.WriteLine(TextFeedback.OneLine(screen));
        return passed ? 0 : 1;
    }

    private sealed class Writer(TextWriter output) : ILineWriter
    {
        public void WriteLine(string line) => output.WriteLine(line);
    }
}
