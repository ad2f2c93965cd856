using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Voice
{
    /// <summary>
    /// What the terminal says for a tap and for each host review page (the table in docs/verdicts.md).
    /// Fills a reused prompt: nothing is allocated.
    /// </summary>
    public static class VerdictPrompts
    {
        /// <summary>PayFen value when the screen shows no amount (no price configured, or no real period).</summary>
        public const int NoAmount = -1;

        /// <summary>
        /// The verdict's phrase; after a meal, what the elder pays: 请付 三元五角, 补贴全免 when the
        /// subsidy covers the price, 祝您用餐愉快 when no price is configured.
        /// </summary>
        public static void ForTap(VoicePrompt prompt, int verdict, int payFen)
        {
            prompt.Clear();
            if (verdict <= 0 || verdict >= VerdictCode.Count)
            {
                prompt.Add(VerdictCode.TapAgain); // a code this table does not know: say the one that asks for another try
                return;
            }

            prompt.Add(verdict); // phrase ids 1..12 are the verdicts
            if (!VerdictCode.IsMeal(verdict))
            {
                return;
            }

            if (payFen == NoAmount)
            {
                prompt.Add(Phrase.EnjoyYourMeal);
            }
            else if (payFen == 0)
            {
                prompt.Add(Phrase.FullySubsidised);
            }
            else
            {
                prompt.Add(Phrase.PleasePay);
                ChineseNumbers.AppendYuan(prompt, payFen);
            }
        }

        /// <summary>The host review page's heading; the first page also says the day's meals (今日用餐 十二人次).</summary>
        public static void ForHostReview(VoicePrompt prompt, int page, int mealsToday, bool identityConflict)
        {
            prompt.Clear();
            switch (page)
            {
                case 0:
                    prompt.Add(Phrase.MealsToday);
                    ChineseNumbers.AppendCount(prompt, mealsToday < ChineseNumbers.MaxCount ? mealsToday : ChineseNumbers.MaxCount);
                    prompt.Add(Phrase.Servings);
                    break;
                case 1:
                    prompt.Add(Phrase.ReviewCategories);
                    break;
                case 2:
                    prompt.Add(Phrase.ReviewTaps);
                    break;
                default:
                    prompt.Add(identityConflict ? Phrase.IdentityConflict : Phrase.ReviewUpload);
                    break;
            }
        }
    }
}
