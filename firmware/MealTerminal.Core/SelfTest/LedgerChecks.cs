using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;

namespace MealTerminal.Core.SelfTest
{
    /// <summary>The ledger on a small in-RAM chip: append across sectors, and power cuts.</summary>
    internal static class LedgerChecks
    {
        private const int LedgerSectors = 3;
        private const string NeverCut = "never cut";

        /// <summary>Appends past the first sector boundary, remounts, reads every record back.</summary>
        public static string AppendAcrossSectors()
        {
            SparseRamFlash flash = NewChip();
            MealLedger ledger = Mount(flash);
            int count = (ledger.Capacity / ledger.SectorCount) + 7;
            for (int i = 1; i <= count; i++)
            {
                if (!ledger.Append(Meal(i)))
                {
                    return "append " + i.ToString() + " refused with the ledger not full";
                }
            }

            ledger = Mount(flash);
            if (ledger.NextSequence != (uint)(count + 1))
            {
                return "next sequence after remount " + ledger.NextSequence.ToString() + ", expected " + (count + 1).ToString();
            }

            return ReadBack(ledger, count);
        }

        /// <summary>
        /// Cuts the power at each flash operation of an append that opens a new sector (erase,
        /// header, record), then boots on the same memory: earlier records intact, the next append works,
        /// no sequence number reused. Each cut is tried twice: leaving half the bytes written, and
        /// leaving marginal cells that read erased at boot and 0 after the next append.
        /// </summary>
        public static string PowerCutDuringAppend()
        {
            string problem = PowerCutDuringAppend(false);
            return problem != null ? problem : PowerCutDuringAppend(true);
        }

        private static string PowerCutDuringAppend(bool marginal)
        {
            int cutAt = 1;
            while (true)
            {
                string problem = CutOnce(cutAt, marginal);
                if (problem == NeverCut)
                {
                    return cutAt > 2 ? null : "the appends made fewer than two flash operations";
                }

                if (problem != null)
                {
                    return (marginal ? "marginal " : string.Empty) + "cut at operation " + cutAt.ToString() + ": " + problem;
                }

                cutAt++;
            }
        }

        private static string CutOnce(int cutAt, bool marginal)
        {
            SparseRamFlash flash = NewChip();
            MealLedger ledger = Mount(flash);
            int perSector = ledger.Capacity / ledger.SectorCount;
            int before = perSector - 1;
            for (int i = 1; i <= before; i++)
            {
                ledger.Append(Meal(i));
            }

            // Appends record `before` + 1 (last slot of sector 0) and `before` + 2 (opens sector 1) on a failing chip.
            PowerCutFlash failing = new PowerCutFlash(flash, cutAt);
            failing.LeavesMarginalCells = marginal;
            StateLog state = new StateLog(failing, 0);
            MealLedger cut = new MealLedger(failing, state, 2, LedgerSectors);
            uint lastShown = 0;
            try
            {
                state.Mount();
                cut.Mount();
                for (int i = before + 1; i <= before + 2; i++)
                {
                    cut.Append(Meal(i));
                    lastShown = (uint)i;
                }
            }
            catch (PowerCutException)
            {
            }

            if (!failing.PowerWasCut)
            {
                return NeverCut;
            }

            failing.Revive();
            ledger = Mount(failing);
            string problem = ReadBack(ledger, lastShown > (uint)before ? (int)lastShown : before);

            if (problem != null)
            {
                return problem;
            }

            uint next = ledger.NextSequence;
            if (next <= lastShown || next <= (uint)before)
            {
                return "next sequence " + next.ToString() + " would reuse a stored one";
            }

            if (!ledger.Append(Meal(9999)))
            {
                return "append after recovery refused";
            }

            failing.SettleMarginalCells();
            MealRecord back = new MealRecord();
            ledger = Mount(flash);
            if (!ledger.TryRead(next, back) || back.ElderId != 9999)
            {
                return "record appended after recovery not readable after a second boot";
            }

            return null;
        }

        private static string ReadBack(MealLedger ledger, int count)
        {
            MealRecord record = new MealRecord();
            for (int i = 1; i <= count; i++)
            {
                if (!ledger.TryRead((uint)i, record))
                {
                    return "record " + i.ToString() + " not readable";
                }

                if (record.ElderId != (uint)i || record.Time != (uint)(1000 + i) || record.Verdict != VerdictCode.Accepted || record.Period != 1)
                {
                    return "record " + i.ToString() + " read back with different content";
                }
            }

            return null;
        }

        internal static SparseRamFlash NewChip()
        {
            return new SparseRamFlash(2 + LedgerSectors, 4096, 256);
        }

        internal static MealLedger Mount(IFlash flash)
        {
            StateLog state = new StateLog(flash, 0);
            state.Mount();
            MealLedger ledger = new MealLedger(flash, state, 2, LedgerSectors);
            ledger.Mount();
            return ledger;
        }

        internal static MealRecord Meal(int elder)
        {
            MealRecord record = new MealRecord();
            record.Verdict = VerdictCode.Accepted;
            record.ElderId = (uint)elder;
            record.Category = elder % ElderCategory.Count;
            record.ClockValid = true;
            record.Time = (uint)(1000 + elder);
            record.Period = 1;
            return record;
        }
    }
}
