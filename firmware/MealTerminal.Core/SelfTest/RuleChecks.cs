using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;

namespace MealTerminal.Core.SelfTest
{
    /// <summary>Each verdict of the meal rules, decided from a situation built to produce it.</summary>
    internal static class RuleChecks
    {
        public const int Count = 8;
        private const int Day = 2000;
        private const int Lunch = 1;

        public static string NameOf(int index)
        {
            switch (index)
            {
                case 0: return "rules-accepted";
                case 1: return "rules-already-eaten";
                case 2: return "rules-outside-period";
                case 3: return "rules-unknown-card";
                case 4: return "rules-suspended";
                case 5: return "rules-lost-card";
                case 6: return "rules-deceased";
                default: return "rules-card-not-valid";
            }
        }

        public static string Run(int index)
        {
            RosterEntry elder = new RosterEntry();
            elder.Status = CardStatus.Active;
            elder.ValidToDay = RosterFormat.NoUpperBound;
            switch (index)
            {
                case 0:
                    return Expect(VerdictCode.Accepted, MealRules.Decide(true, elder, Day, Lunch, 1, 0));
                case 1:
                    return Expect(VerdictCode.AlreadyEaten, MealRules.Decide(true, elder, Day, Lunch, 1, 1));
                case 2:
                    return Expect(VerdictCode.OutsidePeriod, MealRules.Decide(true, elder, Day, -1, 1, 0));
                case 3:
                    return Expect(VerdictCode.UnknownCard, MealRules.Decide(false, elder, Day, Lunch, 1, 0));
                case 4:
                    elder.Status = CardStatus.Suspended;
                    return Expect(VerdictCode.CardSuspended, MealRules.Decide(true, elder, Day, Lunch, 1, 0));
                case 5:
                    elder.Status = CardStatus.LostCard;
                    return Expect(VerdictCode.CardLost, MealRules.Decide(true, elder, Day, Lunch, 1, 0));
                case 6:
                    elder.Status = CardStatus.Deceased;
                    return Expect(VerdictCode.ElderDeceased, MealRules.Decide(true, elder, Day, Lunch, 1, 0));
                default:
                    elder.ValidToDay = Day - 1;
                    string expired = Expect(VerdictCode.CardNotValid, MealRules.Decide(true, elder, Day, Lunch, 1, 0));
                    elder.ValidToDay = RosterFormat.NoUpperBound;
                    elder.ValidFromDay = Day + 1;
                    return expired != null ? "expired card: " + expired
                        : Expect(VerdictCode.CardNotValid, MealRules.Decide(true, elder, Day, Lunch, 1, 0));
            }
        }

        private static string Expect(int expected, int actual)
        {
            return expected == actual ? null : "verdict " + actual.ToString() + ", expected " + expected.ToString();
        }
    }
}
