using MealTerminal.Core.Clock;
using MealTerminal.Core.Ledger;

namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// The delivery round of a terminal in delivery mode (送餐上门): a courier's card opens a round
    /// and the next courier tap closes it, each with a VerdictCode.DeliveryRound marker in the ledger
    /// (docs/formats.md). The round is the ledger's own: at boot the newest marker is looked up, so a
    /// power cut in the middle of a round leaves it open, and the records after the start marker are
    /// the round's at the gateway too.
    /// </summary>
    public sealed class DeliveryRounds
    {
        private readonly MealLedger ledger;
        private readonly IClock clock;
        private readonly LedgerScan scan;
        private readonly MealRecord record = new MealRecord();
        private int bootCount;
        private int meals;
        private bool settled;

        public DeliveryRounds(MealLedger ledger, IClock clock)
        {
            this.ledger = ledger;
            this.clock = clock;
            scan = new LedgerScan(ledger);
        }

        /// <summary>True while a round is open: elders' taps are deliveries at the door.</summary>
        public bool IsOpen { get; private set; }

        /// <summary>Elder id of the courier who opened the round (or closed the last one).</summary>
        public uint Courier { get; private set; }

        /// <summary>Meals delivered in the open (or last) round.</summary>
        public int Delivered { get; private set; }

        /// <summary>
        /// After the ledger is mounted: the newest round marker says whether a round is open; its
        /// delivered meals are counted again. Looks back over the same newest MealHistory.WindowSectors
        /// sectors as who-ate (2,032 records: no round is that long); without a marker there, no round is open.
        /// </summary>
        public void Mount(int currentBoot)
        {
            BeginMount(currentBoot);
            scan.Start();
            while (scan.Next(record) && scan.SectorsEntered <= MealHistory.WindowSectors && Observe(record))
            {
            }
        }

        /// <summary>
        /// Mount in one pass with who-ate's (MealHistory.Recount): BeginMount, then Observe each
        /// record of the window newest first, as Mount's own scan would, so a boot reads it once.
        /// </summary>
        public void BeginMount(int currentBoot)
        {
            bootCount = currentBoot;
            IsOpen = false;
            Delivered = 0;
            meals = 0;
            settled = false;
        }

        /// <summary>One record of the window, newest first; false once the newest round marker was seen.</summary>
        public bool Observe(MealRecord seen)
        {
            if (settled)
            {
                return false;
            }

            if (seen.Verdict == VerdictCode.DeliveryRound)
            {
                IsOpen = seen.Period == VerdictCode.RoundStart;
                Courier = seen.ElderId;
                Delivered = IsOpen ? meals : 0;
                settled = true;
                return false;
            }

            if (seen.AtDoor && VerdictCode.IsMeal(seen.Verdict))
            {
                meals++;
            }

            return true;
        }

        /// <summary>A meal was recorded at the door in the open round.</summary>
        public void CountDelivery()
        {
            Delivered++;
        }

        /// <summary>
        /// A courier's card: opens a round when none is open, else closes it. Returns false when the
        /// marker could not be stored (storage full); the round is then unchanged.
        /// </summary>
        public bool CourierTapped(uint courier)
        {
            bool start = !IsOpen;
            record.Verdict = VerdictCode.DeliveryRound;
            record.Period = start ? VerdictCode.RoundStart : VerdictCode.RoundEnd;
            record.Category = 0;
            record.ElderId = courier;
            record.BootCount = bootCount;
            record.ClockValid = clock.IsWallClockValid;
            record.Time = record.ClockValid ? LocalTime.ToRecordSeconds(clock.UtcNow) : (uint)clock.MillisecondsSinceBoot;
            record.AtDoor = false;
            record.Unregistered = false;
            for (int i = 0; i < record.CardKey.Length; i++)
            {
                record.CardKey[i] = 0;
            }

            if (!ledger.Append(record))
            {
                return false;
            }

            IsOpen = start;
            Courier = courier;
            if (start)
            {
                Delivered = 0;
            }

            return true;
        }
    }
}
