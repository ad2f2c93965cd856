using MealTerminal.Core.Ledger;
using MealTerminal.Core.Roster;

namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// The welfare check (常来未到) from the terminal's own ledger, so the host sees it offline: a
    /// regular is an elder with a counted meal (canteen or door) on at least N of the last M service
    /// days before today (a service day: a local day with any counted meal here); after the cut-off a
    /// regular with no counted meal today is absent. An elder with a suspended or deceased card in the
    /// roster is never a regular. The gateway applies the same rule county-wide (docs/welfare.md), so
    /// for a single-site county the two lists are equal. A meal made without a valid clock counts on
    /// the day its boot's clock anchor (VerdictCode.ClockSet) places it, as MealHistory and the
    /// gateway's placement do; a boot with no anchor in the ledger places none. Built on demand for the host review page (not the tap path) and dropped after.
    /// </summary>
    public sealed class AbsentList
    {
        /// <summary>Hash table slots; at most three quarters are used (384 elders), later ones are not tracked.</summary>
        public const int TableSize = 512;
        private const int AteToday = unchecked((int)0x80000000);

        private readonly uint[] ids = new uint[TableSize];
        private readonly int[] marks = new int[TableSize];
        private readonly int[] window = new int[DeliverySettings.MaxRegularWindow];
        private readonly MealRecord record = new MealRecord();
        private int windowCount;
        private int used;
        private int anchorBoot;
        private uint anchorStart;

        /// <summary>Absent regulars, elder ids ascending; Count of them are valid.</summary>
        public readonly uint[] Absent = new uint[TableSize];

        public int Count { get; private set; }

        /// <summary>Regulars of the site (present or absent).</summary>
        public int Regulars { get; private set; }

        /// <summary>False before the cut-off: the list is not drawn up yet.</summary>
        public bool Ready { get; private set; }

        /// <summary>Draws up the list for local day today at minute of the day now; roster may be null.</summary>
        public void Compute(MealLedger ledger, TerminalConfig config, RosterSlot roster, int today, int minuteOfDay)
        {
            byte[] section = config.Extensions;
            int n = DeliverySettings.RegularDays(section);
            int m = DeliverySettings.RegularWindow(section);
            Ready = minuteOfDay >= DeliverySettings.AbsentCutoffMinute(section);
            Count = 0;
            Regulars = 0;
            windowCount = 0;
            used = 0;
            LedgerScan scan = new LedgerScan(ledger);
            FindServiceDays(scan, config.UtcOffsetMinutes, today, m);
            if (windowCount == 0)
            {
                return;
            }

            MarkMeals(scan, config.UtcOffsetMinutes, today);
            LeaveOut(roster);
            for (int i = 0; i < TableSize; i++)
            {
                if (ids[i] == 0 || BitCount(marks[i] & ~AteToday) < n)
                {
                    continue;
                }

                Regulars++;
                if (Ready && (marks[i] & AteToday) == 0)
                {
                    Insert(ids[i]);
                }
            }
        }

        /// <summary>The newest m distinct days before today with a counted meal, newest first.</summary>
        private void FindServiceDays(LedgerScan scan, int offset, int today, int m)
        {
            StartScan(scan);
            while (scan.Next(record))
            {
                int day = PlacedMealDay(offset);
                if (day < 0)
                {
                    continue;
                }

                if (windowCount == m && day < window[m - 1])
                {
                    return; // older than every service day kept
                }

                if (day >= today || IndexOfDay(day) >= 0)
                {
                    continue;
                }

                int at = windowCount < m ? windowCount++ : m - 1;
                while (at > 0 && window[at - 1] < day)
                {
                    window[at] = window[at - 1];
                    at--;
                }

                window[at] = day;
            }
        }

        private void MarkMeals(LedgerScan scan, int offset, int today)
        {
            StartScan(scan);
            while (scan.Next(record))
            {
                int day = PlacedMealDay(offset);
                if (day < 0 || record.ElderId == 0)
                {
                    continue;
                }

                if (day < window[windowCount - 1])
                {
                    return;
                }

                int bit = day == today ? AteToday : IndexOfDay(day) >= 0 ? 1 << IndexOfDay(day) : 0;
                int slot = bit == 0 ? -1 : Slot(record.ElderId, true);
                if (slot >= 0)
                {
                    marks[slot] |= bit;
                }
            }
        }

        private void StartScan(LedgerScan scan)
        {
            anchorBoot = -1;
            anchorStart = 0;
            scan.Start();
        }

        /// <summary>
        /// The local day of the meal in record, or -1 when it is no meal or cannot be placed. Reading
        /// newest first, a boot's clock anchor comes before the clockless records it places (the
        /// newest anchor of a boot is the one kept, as at the gateway).
        /// </summary>
        private int PlacedMealDay(int offset)
        {
            if (record.Verdict == VerdictCode.ClockSet)
            {
                if (record.BootCount != anchorBoot)
                {
                    anchorBoot = record.BootCount;
                    anchorStart = record.Time > record.ElderId ? record.Time - record.ElderId : 0;
                }

                return -1;
            }

            if (record.BootCount != anchorBoot)
            {
                anchorBoot = -1; // a boot's records are contiguous: an older boot, not anchored yet
            }

            if (!VerdictCode.IsMeal(record.Verdict))
            {
                return -1;
            }

            if (record.ClockValid)
            {
                return LocalTime.LocalDay(record.Time, offset);
            }

            return anchorBoot < 0 ? -1 : LocalTime.LocalDay(anchorStart + (record.Time / 1000), offset);
        }

        /// <summary>A suspended or deceased elder leaves the regulars at once, whatever they ate.</summary>
        private void LeaveOut(RosterSlot roster)
        {
            if (roster == null || !roster.IsValid)
            {
                return;
            }

            RosterEntry entry = new RosterEntry();
            for (int i = 0; i < roster.EntryCount; i++)
            {
                roster.ReadAt(i, entry);
                if (entry.Status == CardStatus.Suspended || entry.Status == CardStatus.Deceased)
                {
                    int slot = Slot(entry.ElderId, false);
                    if (slot >= 0)
                    {
                        marks[slot] = 0;
                    }
                }
            }
        }

        private int IndexOfDay(int day)
        {
            for (int i = 0; i < windowCount; i++)
            {
                if (window[i] == day)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The table slot of an elder; added when add is true and there is room, else -1.</summary>
        private int Slot(uint elder, bool add)
        {
            int i = (int)((elder * 2654435761u) >> 23) & (TableSize - 1);
            while (ids[i] != 0)
            {
                if (ids[i] == elder)
                {
                    return i;
                }

                i = (i + 1) & (TableSize - 1);
            }

            if (!add || used >= (TableSize * 3) / 4)
            {
                return -1;
            }

            used++;
            ids[i] = elder;
            marks[i] = 0;
            return i;
        }

        private void Insert(uint elder)
        {
            int at = Count++;
            while (at > 0 && Absent[at - 1] > elder)
            {
                Absent[at] = Absent[at - 1];
                at--;
            }

            Absent[at] = elder;
        }

        private static int BitCount(int bits)
        {
            int count = 0;
            while (bits != 0)
            {
                bits &= bits - 1;
                count++;
            }

            return count;
        }
    }
}
