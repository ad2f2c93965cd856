using MealTerminal.Core.Clock;
using MealTerminal.Core.Ledger;

namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// Tells the gateway, through the ledger itself, which configuration decided the records that
    /// follow: a record's meal period is an index into the periods of the configuration in force, and
    /// a backlog may span a switch. Before the first record decided with another configuration, one
    /// VerdictCode.ConfigSwitch record carrying the version is appended (docs/formats.md). At boot the
    /// newest ledger records are searched for the last marker, so a power cut between switching the
    /// configuration slot and writing the marker is repaired before the next tap.
    /// </summary>
    public sealed class ConfigMarker
    {
        /// <summary>Records searched back at boot: one ledger sector's worth, all in flash already read at mount.</summary>
        public const int SearchDepth = 254;

        private readonly MealLedger ledger;
        private readonly IClock clock;
        private readonly MealRecord record = new MealRecord();
        private uint announced;
        private bool known;
        private int bootCount;

        public ConfigMarker(MealLedger ledger, IClock clock)
        {
            this.ledger = ledger;
            this.clock = clock;
        }

        /// <summary>True when the ledger does not yet say that the running version decides the next record.</summary>
        public bool Pending(uint running)
        {
            return !known || announced != running;
        }

        /// <summary>
        /// After the ledger is mounted: finds the newest marker among the last SearchDepth records.
        /// Without one, the gateway assumes version 0 (built-in defaults); that is right unless a
        /// configuration is running, or the one the state log named could not be read (slotLost).
        /// </summary>
        public void Mount(uint running, bool slotLost, int currentBoot)
        {
            bootCount = currentBoot;
            known = false;
            uint oldest = ledger.OldestSequence;
            int looked = 0;
            for (uint seq = ledger.NextSequence - 1; seq >= oldest && seq > 0 && looked < SearchDepth; seq--)
            {
                looked++;
                if (ledger.TryRead(seq, record) && record.Verdict == VerdictCode.ConfigSwitch)
                {
                    announced = record.ElderId;
                    known = true;
                    return;
                }
            }

            if (running == 0 && !slotLost)
            {
                announced = 0;
                known = true;
            }
        }

        /// <summary>Appends the marker when one is due; false when none was due or storage is full (tried again next time).</summary>
        public bool Announce(uint running)
        {
            if (!Pending(running))
            {
                return false;
            }

            record.Verdict = VerdictCode.ConfigSwitch;
            record.Period = MealRecord.NoPeriod;
            record.Category = 0;
            record.ElderId = running;
            record.BootCount = bootCount;
            record.ClockValid = clock.IsWallClockValid;
            record.Time = record.ClockValid ? LocalTime.ToRecordSeconds(clock.UtcNow) : (uint)clock.MillisecondsSinceBoot;
            for (int i = 0; i < record.CardKey.Length; i++)
            {
                record.CardKey[i] = 0;
            }

            if (!ledger.Append(record))
            {
                return false;
            }

            announced = running;
            known = true;
            return true;
        }
    }
}
