using MealTerminal.Core.Flash;
using MealTerminal.Core.SelfTest;
using MealTerminal.Drivers.Provisioning;

namespace MealTerminal.Device.Adapters
{
    /// <summary>SELFTEST on the provisioning console: the whole self-test, its report on the debug output, one line back.</summary>
    public sealed class ConsoleSelfTest : IConsoleSelfTest
    {
        private readonly IFlash chip;
        private readonly int scratchSector;

        public ConsoleSelfTest(IFlash chip, int scratchSector)
        {
            this.chip = chip;
            this.scratchSector = scratchSector;
        }

        public string Run()
        {
            SelfTestRun run = new SelfTestRun(new DebugLineWriter(), chip, scratchSector);
            run.Run();
            string result = "pass=" + run.Passed.ToString() + " fail=" + run.Failed.ToString();
            return run.FirstFailure == null ? result : result + " " + run.FirstFailure;
        }
    }
}
