namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// Questions answered from the ring's order rather than from every sector header: in ring order
    /// from the sector after the head, valid first sequences rise, behind at most a run of sectors
    /// holding nothing (the one being opened, the erased rest of a ring not yet wrapped). Headers
    /// are read as these need them (MealLedgerHeaders.cs) and kept.
    /// </summary>
    public sealed partial class MealLedger
    {
        /// <summary>
        /// Sectors other than the head holding a record not yet acknowledged: in ring order those from
        /// the one holding the first unacknowledged record (or the oldest) up to the head.
        /// </summary>
        private int PendingSectorsBehindHead()
        {
            uint firstPending = AcknowledgedSequence + 1;
            if (firstPending >= NextSequence)
            {
                return 0;
            }

            int from = SectorHolding(firstPending);
            if (from < 0)
            {
                from = OldestSector();
            }

            return from < 0 ? 0 : (headSector - from + sectorCount) % sectorCount;
        }

        /// <summary>The sector holding the oldest record: in ring order after the head, the first valid header.</summary>
        private int OldestSector()
        {
            for (int k = 1; headSector >= 0 && k <= sectorCount; k++)
            {
                int s = (headSector + k) % sectorCount;
                uint first = FirstOf(s);
                if (first != Empty && first < NextSequence)
                {
                    return s;
                }
            }

            return -1;
        }

        /// <summary>
        /// The sector whose records include sequence, -1 when none is stored. In ring order from the
        /// sector after the head, valid first sequences rise; sectors holding nothing come first (the
        /// one being opened, the erased rest of a ring not yet wrapped). A binary search finds the
        /// last sector that holds nothing or starts at or below sequence; when that one holds nothing
        /// (sequence older than every sector, or an unreadable header in the way) the ring is walked.
        /// </summary>
        private int SectorHolding(uint sequence)
        {
            if (headSector < 0 || sequence >= NextSequence)
            {
                return -1;
            }

            int low = -1;
            int high = sectorCount;
            while (high - low > 1)
            {
                int middle = low + ((high - low) / 2);
                uint first = FirstOf(RingSector(middle));
                if (first == Empty || first <= sequence)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            if (low >= 0 && FirstOf(RingSector(low)) != Empty)
            {
                return RingSector(low); // the next probed was valid and newer: valid first sequences only rise
            }

            return low < 0 ? -1 : WalkToSectorHolding(sequence);
        }

        /// <summary>Back from the head, the first sector starting at or below sequence.</summary>
        private int WalkToSectorHolding(uint sequence)
        {
            for (int k = 0; k < sectorCount; k++)
            {
                int s = (headSector + sectorCount - k) % sectorCount;
                uint first = FirstOf(s);
                if (first != Empty && first <= sequence)
                {
                    return s;
                }
            }

            return -1;
        }

        /// <summary>The sector at position q of the ring counted from the one after the head (the head is last).</summary>
        private int RingSector(int q)
        {
            return (headSector + 1 + q) % sectorCount;
        }
    }
}
