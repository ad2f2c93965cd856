namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// Who has eaten in the current meal period and how often: an open-addressing table of elder
    /// ids with a count each, cleared when the period changes. Fixed size, allocated once (a
    /// 2,048-elder table is 10 KB); when it is full the caller counts from the ledger instead.
    /// </summary>
    public sealed class WhoAte
    {
        private readonly uint[] elders;
        private readonly byte[] counts;
        private readonly int mask;
        private int used;
        private int currentDay = -1;
        private int currentPeriod = -1;

        /// <summary>capacity is rounded up to a power of two; it is kept at most three-quarters full.</summary>
        public WhoAte(int capacity)
        {
            int size = 16;
            while (size < capacity)
            {
                size <<= 1;
            }

            elders = new uint[size];
            counts = new byte[size];
            mask = size - 1;
            Capacity = (size / 4) * 3;
        }

        /// <summary>How many different elders the table holds before it reports full.</summary>
        public int Capacity { get; private set; }

        public bool IsFull
        {
            get { return used >= Capacity; }
        }

        public void EnterPeriod(int day, int period)
        {
            if (day == currentDay && period == currentPeriod)
            {
                return;
            }

            currentDay = day;
            currentPeriod = period;
            used = 0;
            for (int i = 0; i < elders.Length; i++)
            {
                elders[i] = 0;
                counts[i] = 0;
            }
        }

        public bool IsCurrent(int day, int period)
        {
            return day == currentDay && period == currentPeriod;
        }

        /// <summary>Meals counted for the elder this period; -1 when unknown because the table filled up.</summary>
        public int CountOf(uint elderId)
        {
            int i = Find(elderId);
            if (elders[i] == elderId)
            {
                return counts[i];
            }

            return IsFull ? -1 : 0;
        }

        /// <summary>Counts one meal; false when the elder is new and the table is full.</summary>
        public bool Add(uint elderId)
        {
            int i = Find(elderId);
            if (elders[i] != elderId)
            {
                if (IsFull)
                {
                    return false;
                }

                elders[i] = elderId;
                used++;
            }

            if (counts[i] < 255)
            {
                counts[i]++;
            }

            return true;
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
