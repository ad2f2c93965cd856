using System;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Meals;

namespace MealTerminal.Core.SelfTest
{
    /// <summary>The whole tap path on a small terminal, and the host tally surviving a reboot.</summary>
    internal static class TerminalChecks
    {
        /// <summary>Verdicts only the tap path gives: unreadable, random UID, storage low and storage full.</summary>
        public static string TapPathVerdicts()
        {
            BenchTerminal bench = new BenchTerminal();
            string problem = Expect("unreadable card", VerdictCode.TapAgain, bench.Tap(CardReadStatus.ReadError, null))
                ?? Expect("random UID", VerdictCode.RandomUid, bench.Tap(CardReadStatus.RandomUid, null))
                ?? Expect("first meal", VerdictCode.Accepted, bench.TapElder(0))
                ?? Expect("second tap", VerdictCode.AlreadyEaten, bench.TapElder(0))
                ?? Expect("unknown card", VerdictCode.UnknownCard, bench.TapStranger(0));
            if (problem != null)
            {
                return problem;
            }

            // A clock set back into a finished period finds who ate there in the ledger (issue 13).
            DateTime lunch = bench.Clock.Utc;
            bench.Clock.Utc = lunch.AddHours(5.5);
            problem = Expect("dinner", VerdictCode.Accepted, bench.TapElder(0));
            bench.Clock.Utc = lunch;
            problem = problem ?? Expect("clock set back to lunch", VerdictCode.AlreadyEaten, bench.TapElder(0));
            if (problem != null)
            {
                return problem;
            }

            int n = 1;
            int limit = bench.Terminal.Ledger.Capacity * 2;
            while (bench.Terminal.Ledger.UsedPercent < bench.Config.StorageWarningPercent && n < limit)
            {
                bench.TapStranger(n++);
            }

            problem = Expect("meal with storage low", VerdictCode.AcceptedStorageLow, bench.TapElder(1));
            if (problem != null)
            {
                return problem;
            }

            uint before = 0;
            while (bench.Terminal.Ledger.NextSequence != before && n < limit)
            {
                before = bench.Terminal.Ledger.NextSequence;
                bench.TapStranger(n++); // until one is no longer stored
            }

            // A stranger takes two slots; a meal may still fit in the last one.
            for (int elder = 2; elder < BenchTerminal.Elders; elder++)
            {
                uint next = bench.Terminal.Ledger.NextSequence;
                int verdict = bench.TapElder(elder);
                if (verdict == VerdictCode.StorageFull)
                {
                    return bench.Terminal.Ledger.NextSequence == next ? null : "a refused tap was stored";
                }

                problem = Expect("meal in the last slot", VerdictCode.AcceptedStorageLow, verdict);
                if (problem != null)
                {
                    return problem;
                }
            }

            return "storage never reported full";
        }

        /// <summary>Counts per period and category, repeats and unknown cards are rebuilt from the ledger at boot.</summary>
        public static string HostTallyAfterReboot()
        {
            BenchTerminal bench = new BenchTerminal();
            bench.TapElder(0);
            bench.TapElder(1);
            bench.TapElder(2);
            bench.TapElder(0);
            bench.TapStranger(5);
            bench.Reboot();
            DayCounts today = bench.Terminal.Today;
            int lunch = BenchTerminal.LunchPeriod;
            for (int elder = 0; elder < 3; elder++)
            {
                int category = BenchTerminal.CategoryOf(elder);
                if (today.Meals(lunch, category) != 1)
                {
                    return "category " + category.ToString() + " shows " + today.Meals(lunch, category).ToString() + " meals, expected 1";
                }
            }

            if (today.MealsInPeriod(lunch) != 3 || today.RepeatTaps != 1 || today.UnknownCards != 1)
            {
                return "after reboot: meals " + today.MealsInPeriod(lunch).ToString() + ", repeats " + today.RepeatTaps.ToString()
                    + ", unknown " + today.UnknownCards.ToString() + "; expected 3, 1, 1";
            }

            return Expect("elder who ate before the reboot", VerdictCode.AlreadyEaten, bench.TapElder(1));
        }

        private static string Expect(string what, int expected, int actual)
        {
            return expected == actual ? null : what + ": verdict " + actual.ToString() + ", expected " + expected.ToString();
        }
    }
}
