using System;

namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// Per meal period and elder category: the meal's price and the subsidy, in fen, so the accepted
    /// screen can say what the elder pays. The text is formatted once, when a price is set, so a tap
    /// allocates nothing.
    /// </summary>
    public sealed class MealPrices
    {
        private readonly int[] priceFen = new int[TerminalConfig.MaxPeriods * ElderCategory.Count];
        private readonly int[] subsidyFen = new int[TerminalConfig.MaxPeriods * ElderCategory.Count];
        private readonly string[] payText = new string[TerminalConfig.MaxPeriods * ElderCategory.Count];

        public MealPrices()
        {
            for (int i = 0; i < payText.Length; i++)
            {
                payText[i] = string.Empty;
            }
        }

        /// <summary>Forgets every price (the screen then shows no amount).</summary>
        public void Clear()
        {
            for (int i = 0; i < payText.Length; i++)
            {
                priceFen[i] = 0;
                subsidyFen[i] = 0;
                payText[i] = string.Empty;
            }
        }

        public void Set(int period, int category, int price, int subsidy)
        {
            if (price < 0 || subsidy < 0 || subsidy > price)
            {
                throw new ArgumentException("price and subsidy must be 0 or more fen, the subsidy at most the price");
            }

            int i = Index(period, category);
            priceFen[i] = price;
            subsidyFen[i] = subsidy;
            payText[i] = price == subsidy ? "补贴全免 无需付费" : "请付 " + Yuan(price - subsidy) + " 元";
        }

        public int PriceFen(int period, int category)
        {
            return priceFen[Index(period, category)];
        }

        public int SubsidyFen(int period, int category)
        {
            return subsidyFen[Index(period, category)];
        }

        /// <summary>What the accepted screen says the elder pays; empty when no price is configured.</summary>
        public string PayText(int period, int category)
        {
            if (period < 0 || period >= TerminalConfig.MaxPeriods || category < 0 || category >= ElderCategory.Count)
            {
                return string.Empty;
            }

            return payText[Index(period, category)];
        }

        /// <summary>Fen as yuan with two decimals: 350 is "3.50".</summary>
        public static string Yuan(int fen)
        {
            int cents = fen % 100;
            return (fen / 100).ToString() + (cents < 10 ? ".0" : ".") + cents.ToString();
        }

        private static int Index(int period, int category)
        {
            if (period < 0 || period >= TerminalConfig.MaxPeriods || category < 0 || category >= ElderCategory.Count)
            {
                throw new ArgumentOutOfRangeException("period or category");
            }

            return (period * ElderCategory.Count) + category;
        }
    }
}
