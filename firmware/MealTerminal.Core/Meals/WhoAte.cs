namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// Who has eaten in the (day, period) the terminal is in: an open-addressing table of elder ids
    /// with one 16-bit value each. In a real period the value is the elder's meal count; while the
    /// clock is unknown (day -1) it is the boot minute of the elder's last meal in this boot, plus
    /// one. The table is reset and refilled from the ledger (MealHistory) whenever the (day, period)
    /// changes. Fixed size, allocated once (a 2,048-elder table is 12 KB); when it is full the
    /// caller counts from the ledger instead.
    /// </summary>
    public sealed class WhoAte
    {
        /// <summary>LastMealMinuteOf: the elder has no meal in this boot.</summary>
        public const int NoMeal = -1;

        /// <summary>CountOf and LastMealMinuteOf: unknown, because the table filled up.</summary>
        public const int Unknown = -2;

        private readonly uint[] elders;
        private readonly ushort[] values;
        private readonly int mask;
        private int used;
        private int currentDay = -1;
        private int currentPeriod = -1;
        private bool reset;

        /// <summary>capacity is rounded up to a power of two; it is kept at most three-quarters full.</summary>
        public WhoAte(int capacity)
        {
            int size = 16;
            while (size < capacity)
            {
                size <<= 1;
            }

            elders = new uint[size];
            values = new ushort[size];
            mask = size - 1;
            Capacity = (size / 4) * 3;
        }

        /// <summary>How many different elders the table holds before it reports full.</summary>
        public int Capacity { get; private set; }

        public bool IsFull
        {
            get { return used >= Capacity; }
        }

        /// <summary>Empties the table for a (day, period); the caller refills it from the ledger.</summary>
        public void Reset(int day, int period)
        {
            currentDay = day;
            currentPeriod = period;
            reset = true;
            used = 0;
            for (int i = 0; i < elders.Length; i++)
            {
                elders[i] = 0;
                values[i] = 0;
            }
        }

        public bool IsCurrent(int day, int period)
        {
            return reset && day == currentDay && period == currentPeriod;
        }

        /// <summary>Meals counted for the elder this period; Unknown when the table filled up.</summary>
        public int CountOf(uint elderId)
        {
            int i = Find(elderId);
            if (elders[i] == elderId)
            {
                return values[i];
            }

            return IsFull ? Unknown : 0;
        }

        /// <summary>Counts one meal; false when the elder is new and the table is full.</summary>
        public bool Add(uint elderId)
        {
            int i = Slot(elderId);
            if (i < 0)
            {
                return false;
            }

            if (values[i] < ushort.MaxValue)
            {
                values[i]++;
            }

            return true;
        }

        /// <summary>Without a clock: boot minute of the elder's last meal in this boot, NoMeal, or Unknown.</summary>
        public int LastMealMinuteOf(uint elderId)
        {
            int i = Find(elderId);
            if (elders[i] == elderId)
            {
                return values[i] - 1;
            }

            return IsFull ? Unknown : NoMeal;
        }

        /// <summary>Without a clock: notes a meal at a boot minute (the latest one is kept); false when the table is full.</summary>
        public bool MarkMealAt(uint elderId, int bootMinute)
        {
            int i = Slot(elderId);
            if (i < 0)
            {
                return false;
            }

            int value = bootMinute >= ushort.MaxValue - 1 ? ushort.MaxValue : bootMinute + 1;
            if (value > values[i])
            {
                values[i] = (ushort)value;
            }

            return true;
        }

        /// <summary>The elder's slot, taken when new; -1 when the elder is new and the table is full.</summary>
        private int Slot(uint elderId)
        {
            int i = Find(elderId);
            if (elders[i] != elderId)
            {
                if (IsFull)
                {
                    return -1;
                }

                elders[i] = elderId;
                used++;
            }

            return i;
        }

        /// <summary>The slot holding elderId, or the empty slot where it would go (ids are never 0).</summary>
        private int Find(uint elderId)
        {
            int i = (int)((elderId * 2654435761u) >> 8) & mask;
            while (elders[i] != 0 && elders[i] != elderId)
            {
                i = (i + 1) & mask;
            }

            return i;
        }
    }
}
