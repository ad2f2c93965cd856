using MealTerminal.Core.Ledger;

namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// Today's counts for the site host's review screen: meals per period and category, refused
    /// repeat taps and unknown cards. Kept up to date per tap and rebuilt from the ledger at boot.
    /// </summary>
    public sealed class DayCounts
    {
        private readonly int[] meals = new int[TerminalConfig.MaxPeriods * ElderCategory.Count];

        public int Day { get; private set; }

        public int RepeatTaps { get; private set; }

        public int UnknownCards { get; private set; }

        public int Refused { get; private set; }

        public void Reset(int day)
        {
            Day = day;
            RepeatTaps = 0;
            UnknownCards = 0;
            Refused = 0;
            for (int i = 0; i < meals.Length; i++)
            {
                meals[i] = 0;
            }
        }

        /// <summary>Counts a record of the current day.</summary>
        public void Add(MealRecord record)
        {
            if (VerdictCode.IsMeal(record.Verdict))
            {
                if (record.Period < TerminalConfig.MaxPeriods && record.Category < ElderCategory.Count)
                {
                    meals[(record.Period * ElderCategory.Count) + record.Category]++;
                }
            }
            else if (record.Verdict == VerdictCode.AlreadyEaten)
            {
                RepeatTaps++;
            }
            else if (record.Verdict == VerdictCode.UnknownCard)
            {
                UnknownCards++;
            }
            else if (!VerdictCode.IsMarker(record.Verdict))
            {
                Refused++;
            }
        }

        public int Meals(int period, int category)
        {
            return meals[(period * ElderCategory.Count) + category];
        }

        public int MealsInPeriod(int period)
        {
            int total = 0;
            for (int c = 0; c < ElderCategory.Count; c++)
            {
                total += meals[(period * ElderCategory.Count) + c];
            }

            return total;
        }
    }
}
