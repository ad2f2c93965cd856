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
        /// Decides a tap. period is -1 outside every period; for an invalid clock the caller passes
        /// the pseudo-period used for the boot (limit 1) and day -1, and validity dates are not checked.
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
