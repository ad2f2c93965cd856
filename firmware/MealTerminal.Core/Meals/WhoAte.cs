namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// How many subsidised meals each elder had in the current meal period, as 2-bit counters
    /// indexed by roster position (5 KB for 20,000 elders). Rebuilt from the ledger at boot, so a
    /// reboot never lets an elder eat twice. The period key changes when the period does.
    /// </summary>
    public sealed class WhoAte
    {
        private readonly byte[] counters;
        private int currentDay = -1;
        private int currentPeriod = -1;

        public WhoAte(int maxElders)
        {
            counters = new byte[(maxElders + 3) / 4];
            Capacity = maxElders;
        }

        public int Capacity { get; private set; }

        /// <summary>Switches to a period (day, period index), clearing the counts if it is a new one.</summary>
        public void EnterPeriod(int day, int period)
        {
            if (day == currentDay && period == currentPeriod)
            {
                return;
            }

            currentDay = day;
            currentPeriod = period;
            for (int i = 0; i < counters.Length; i++)
            {
                counters[i] = 0;
            }
        }

        public bool IsCurrent(int day, int period)
        {
            return day == currentDay && period == currentPeriod;
        }

        public int CountOf(int rosterIndex)
        {
            if (rosterIndex < 0 || rosterIndex >= Capacity)
            {
                return 0;
            }

            return (counters[rosterIndex >> 2] >> ((rosterIndex & 3) * 2)) & 3;
        }

        public void Add(int rosterIndex)
        {
            int count = CountOf(rosterIndex);
            if (rosterIndex < 0 || rosterIndex >= Capacity || count == 3)
            {
                return;
            }

            int shift = (rosterIndex & 3) * 2;
            int cell = counters[rosterIndex >> 2] & ~(3 << shift);
            counters[rosterIndex >> 2] = (byte)(cell | ((count + 1) << shift));
        }
    }
}
