using MealTerminal.Core.Ledger;

namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// Recounts who ate in one (day, period) from the ledger, the way the terminal's final view of
    /// time sees it: a record with a valid clock by its own time and period; a record made without
    /// a clock by its boot's clock anchor (boot start = anchor wall seconds - anchor seconds since
    /// boot, as the gateway's Placement does), and not at all when its boot has no anchor.
    ///
    /// Bounded cost: the newest WindowSectors ledger sectors (2,032 records, 32 KB of page reads,
    /// and one page more to see where to stop) are read whatever times their records carry, so records written with a wrong clock neither
    /// stop the count nor hide anything in that window; beyond it the scan goes on only while
    /// records carry a valid time on or after the day counted (a busy site's earlier records of
    /// the same day). A clock set back by more than the window onto meals is left to the gateway's
    /// repeat check. Without a clock (day -1) it reads only this boot's records.
    /// </summary>
    public sealed class MealHistory
    {
        /// <summary>Ledger sectors always read, newest first, when recounting a (day, period).</summary>
        public const int WindowSectors = 8;

        private readonly TerminalConfig config;
        private readonly LedgerScan scan;
        private readonly MealRecord record = new MealRecord();
        private int boot = -1;
        private DeliveryRounds observer;
        private bool anchored;
        private uint bootStartSeconds;

        public MealHistory(TerminalConfig config, MealLedger ledger)
        {
            this.config = config;
            scan = new LedgerScan(ledger);
        }

        /// <summary>The boot in progress (records keep its low 16 bits).</summary>
        public void SetBoot(int bootCount)
        {
            boot = bootCount & 0xFFFF;
        }

        /// <summary>Places this boot's clockless records before its ClockSet record reaches the ledger.</summary>
        public void AnchorBoot(uint wallSeconds, uint secondsSinceBoot)
        {
            anchored = true;
            bootStartSeconds = wallSeconds > secondsSinceBoot ? wallSeconds - secondsSinceBoot : 0;
        }

        /// <summary>Resets whoAte and today for (day, period) and refills them from the ledger.</summary>
        public void Recount(int day, int period, WhoAte whoAte, DayCounts today)
        {
            Recount(day, period, whoAte, today, null);
        }

        /// <summary>
        /// Recount, and with rounds (after its BeginMount) the delivery round mounted in the same pass:
        /// DeliveryRounds.Observe sees every record of the window newest first, as its own Mount would,
        /// so at boot the window is read once, not once for each.
        /// </summary>
        public void Recount(int day, int period, WhoAte whoAte, DayCounts today, DeliveryRounds rounds)
        {
            whoAte.Reset(day, period);
            today.Reset(day);
            if (day < 0)
            {
                if (rounds != null)
                {
                    // Below only this boot's records are read: the round looks over the whole window itself.
                    scan.Start();
                    while (scan.Next(record) && scan.SectorsEntered <= WindowSectors && rounds.Observe(record))
                    {
                    }
                }

                WalkThisBoot(0, whoAte);
            }
            else
            {
                observer = rounds;
                Walk(day, period, 0, whoAte, today);
                observer = null;
            }
        }

        /// <summary>One elder's meals in (day, period): the fallback when who-ate is full.</summary>
        public int CountOf(uint elderId, int day, int period)
        {
            return Walk(day, period, elderId, null, null);
        }

        /// <summary>Boot minute of the elder's last clockless meal in this boot, or WhoAte.NoMeal.</summary>
        public int LastClocklessMealMinuteOf(uint elderId)
        {
            return WalkThisBoot(elderId, null);
        }

        private int Walk(int day, int period, uint elderId, WhoAte whoAte, DayCounts today)
        {
            int count = 0;
            int anchorBoot = anchored ? boot : -1;
            uint anchorStart = bootStartSeconds;
            scan.Start();
            while (scan.Next(record))
            {
                if (observer != null && scan.SectorsEntered <= WindowSectors && !observer.Observe(record))
                {
                    observer = null; // the round is settled
                }

                if (scan.SectorsEntered > WindowSectors
                    && !(record.ClockValid && LocalTime.LocalDay(record.Time, config.UtcOffsetMinutes) >= day))
                {
                    break;
                }

                if (record.Verdict == VerdictCode.ClockSet)
                {
                    if (record.BootCount != anchorBoot)
                    {
                        anchorBoot = record.BootCount; // the newest anchor of a boot is the one the gateway keeps
                        anchorStart = record.Time > record.ElderId ? record.Time - record.ElderId : 0;
                    }

                    continue;
                }

                if (record.BootCount != anchorBoot)
                {
                    anchorBoot = -1; // a boot's records are contiguous: this is an older boot, not anchored yet
                }

                uint seconds = record.Time;
                if (!record.ClockValid)
                {
                    if (anchorBoot < 0)
                    {
                        continue; // no place in time: the gateway holds it until an anchor arrives
                    }

                    seconds = anchorStart + (record.Time / 1000);
                    record.Period = MealRules.PeriodAt(config, LocalTime.LocalMinuteOfDay(seconds, config.UtcOffsetMinutes));
                    if (record.Period < 0)
                    {
                        record.Period = MealRecord.NoPeriod;
                    }
                }

                if (LocalTime.LocalDay(seconds, config.UtcOffsetMinutes) != day)
                {
                    continue;
                }

                if (today != null)
                {
                    today.Add(record);
                }

                if (record.Period == period && VerdictCode.IsMeal(record.Verdict) && record.ElderId != 0)
                {
                    if (whoAte != null)
                    {
                        whoAte.Add(record.ElderId);
                    }

                    if (record.ElderId == elderId)
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        /// <summary>Marks this boot's clockless meals in whoAte; returns elderId's last meal minute or NoMeal.</summary>
        private int WalkThisBoot(uint elderId, WhoAte whoAte)
        {
            int last = WhoAte.NoMeal;
            scan.Start();
            while (scan.Next(record) && record.BootCount == boot)
            {
                if (record.ClockValid || !VerdictCode.IsMeal(record.Verdict) || record.ElderId == 0)
                {
                    continue;
                }

                int minute = (int)(record.Time / 60000);
                if (whoAte != null)
                {
                    whoAte.MarkMealAt(record.ElderId, minute);
                }

                if (record.ElderId == elderId && minute > last)
                {
                    last = minute;
                }
            }

            return last;
        }
    }
}
