using System;
using MealTerminal.Core.Display;
using MealTerminal.Core.Flash;

namespace MealTerminal.Core.SelfTest
{
    /// <summary>
    /// The terminal's self-test: exercises the ledger, power-cut recovery, the roster look-up, the
    /// meal rules, the upload codecs and the host tally against small in-RAM chips (and, on the
    /// device, the real chip's scratch sector). Writes one line per check, "PASS name" or
    /// "FAIL name: what differed", then "RESULT pass=N fail=M". Catches every exception itself:
    /// on a microcontroller an uncaught one may print nothing at all.
    /// </summary>
    public sealed class SelfTestRun
    {
        private const int FixedChecks = 7 + RuleChecks.Count;
        private readonly ILineWriter output;
        private readonly IFlash scratch;
        private readonly int scratchSector;

        public SelfTestRun(ILineWriter output)
            : this(output, null, -1)
        {
        }

        /// <summary>With a scratch sector of a real chip, also checks that chip (erases the sector).</summary>
        public SelfTestRun(ILineWriter output, IFlash scratch, int scratchSector)
        {
            this.output = output;
            this.scratch = scratch;
            this.scratchSector = scratchSector;
        }

        public int Passed { get; private set; }

        public int Failed { get; private set; }

        /// <summary>Name of the first check that failed in the last run, or null.</summary>
        public string FirstFailure { get; private set; }

        public int CheckCount
        {
            get { return scratch == null ? FixedChecks : FixedChecks + 1; }
        }

        /// <summary>Runs every check; true when all passed.</summary>
        public bool Run()
        {
            Passed = 0;
            Failed = 0;
            FirstFailure = null;
            for (int i = 0; i < CheckCount; i++)
            {
                RunCheck(i);
            }

            output.WriteLine("RESULT pass=" + Passed.ToString() + " fail=" + Failed.ToString());
            return Failed == 0;
        }

        /// <summary>What the display shows while the checks run (a few seconds on the device).</summary>
        public static void ShowRunning(Screen screen)
        {
            screen.Set(0, SignalPattern.None, "正在自检", "请稍候", string.Empty, string.Empty);
        }

        /// <summary>The result as the terminal's display shows it to the technician.</summary>
        public void ShowResult(Screen screen)
        {
            if (Failed == 0)
            {
                screen.Set(0, SignalPattern.Accepted, "自检通过", "全部" + Passed.ToString() + "项正常", string.Empty, string.Empty);
            }
            else
            {
                screen.Set(0, SignalPattern.Refused, "自检失败", Failed.ToString() + "项异常", FirstFailure, "请联系管理员");
            }
        }

        public string NameOf(int index)
        {
            switch (index)
            {
                case 0: return "ledger-append-across-sectors";
                case 1: return "ledger-power-cut-recovery";
                case 2: return "roster-search-500";
                case 3: return "codec-batch-round-trip";
                case 4: return "codec-crc-catches-damage";
                case 5: return "terminal-tap-verdicts";
                case 6: return "host-tally-after-reboot";
                default:
                    return index < FixedChecks ? RuleChecks.NameOf(index - 7) : "flash-scratch-sector";
            }
        }

        private string Execute(int index)
        {
            switch (index)
            {
                case 0: return LedgerChecks.AppendAcrossSectors();
                case 1: return LedgerChecks.PowerCutDuringAppend();
                case 2: return RosterChecks.SearchThousand();
                case 3: return CodecChecks.BatchRoundTrip();
                case 4: return CodecChecks.CrcCatchesDamage();
                case 5: return TerminalChecks.TapPathVerdicts();
                case 6: return TerminalChecks.HostTallyAfterReboot();
                default:
                    return index < FixedChecks ? RuleChecks.Run(index - 7) : ScratchCheck.Run(scratch, scratchSector);
            }
        }

        private void RunCheck(int index)
        {
            string name = NameOf(index);
            string problem;
            try
            {
                problem = Execute(index);
            }
            catch (Exception e)
            {
                problem = "exception: " + e.Message;
            }

            if (problem == null)
            {
                Passed++;
                output.WriteLine("PASS " + name);
            }
            else
            {
                Failed++;
                if (FirstFailure == null)
                {
                    FirstFailure = name;
                }

                output.WriteLine("FAIL " + name + ": " + problem);
            }
        }
    }
}
