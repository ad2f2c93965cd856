using System.Diagnostics;
using MealTerminal.Core.SelfTest;

namespace MealTerminal.Device.Adapters
{
    /// <summary>The self-test report on the serial/debug console (visible in a serial monitor at 115200 baud).</summary>
    public sealed class DebugLineWriter : ILineWriter
    {
        public void WriteLine(string line)
        {
            Debug.WriteLine(line);
        }
    }
}
