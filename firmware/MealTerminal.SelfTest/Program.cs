using System;
using MealTerminal.Core.SelfTest;

namespace MealTerminal.SelfTestConsole
{
    /// <summary>Runs the terminal self-test and exits 1 when any check failed.</summary>
    public static class Program
    {
        public static int Main()
        {
            return new SelfTestRun(new ConsoleLines()).Run() ? 0 : 1;
        }

        private sealed class ConsoleLines : ILineWriter
        {
            public void WriteLine(string line)
            {
                Console.WriteLine(line);
            }
        }
    }
}
