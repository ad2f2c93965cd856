using MealTerminal.Core.Roster;

namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// The pure decision for one tap of a readable card: no I/O, no clock reads. The caller has
    /// looked the card up and knows the local day, minute and the elder's meals this period.
    /// </summary>
    public static class MealRules
    {
        /// <summary>Index of the period containing minuteOfDay, or -1.</summary>
        public static int PeriodAt(TerminalConfig config, int minuteOfDay)
        {
            MealPeriod[] periods = config.Periods;
            for (int i = 0; i < periods.Length; i++)
            {
                if (periods[i].Contains(minuteOfDay))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Minimum gap between two meals of one elder in a boot without a wall clock: the configured
        /// gap (default 3 hours), but never less than the longest meal period plus a minute, so two
        /// meals served without a clock can never fall into one period once the boot is placed in time.
        /// </summary>
        public static int ClocklessGapMinutes(TerminalConfig config)
        {
            int gap = config.ClocklessGapMinutes;
            MealPeriod[] periods = config.Periods;
            for (int i = 0; i < periods.Length; i++)
            {
                int length = periods[i].EndMinute - periods[i].StartMinute + 1;
                if (length > gap)
                {
                    gap = length;
                }
            }

            return gap;
        }

        /// <summary>
        /// Without a wall clock: true when the elder had no meal in this boot (lastMealMinute below 0)
        /// or the last one is at least gapMinutes whole boot minutes (milliseconds since boot / 60,000) ago.
        /// </summary>
        public static bool ClocklessGapAllows(int lastMealMinute, int bootMinute, int gapMinutes)
        {
            return lastMealMinute < 0 || bootMinute - lastMealMinute >= gapMinutes;
        }

        /// <summary>
        /// Decides a tap. period is -1 outside every period; for an invalid clock the caller passes
        /// day -1, period 0, limit 1 and 1 meal when the clockless gap is not over (validity dates are
        /// not checked).
        /// </summary>
        public static int Decide(bool found, RosterEntry entry, int day, int period, int limit, int mealsThisPeriod)
        {
            if (!found)
            {
                return VerdictCode.UnknownCard;
            }

            if (entry.Status == CardStatus.LostCard)
            {
                return VerdictCode.CardLost;
            }

            if (entry.Status == CardStatus.Deceased)
            {
                return VerdictCode.ElderDeceased;
            }

            if (entry.Status == CardStatus.Suspended)
            {
                return VerdictCode.CardSuspended;
            }

            if (day >= 0 && (day < entry.ValidFromDay || (entry.ValidToDay != RosterFormat.NoUpperBound && day > entry.ValidToDay)))
            {
                return VerdictCode.CardNotValid;
            }

            if (period < 0)
            {
                return VerdictCode.OutsidePeriod;
            }

            if (mealsThisPeriod >= limit)
            {
                return VerdictCode.AlreadyEaten;
            }

            return VerdictCode.Accepted;
        }
    }
}
