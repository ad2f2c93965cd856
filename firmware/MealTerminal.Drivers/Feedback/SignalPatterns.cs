using MealTerminal.Core.Display;

namespace MealTerminal.Drivers.Feedback
{
    /// <summary>
    /// The sound and light for each SignalPattern (docs/verdicts.md), as steps of
    /// { duration in ms, outputs } with outputs a sum of Buzzer, Green and Red; amber is Green + Red.
    /// After the last step every output is off. Beeps are 2.7 kHz piezo length; the lights stay on
    /// longer so a host glancing over sees the verdict.
    /// </summary>
    public static class SignalPatterns
    {
        public const int Buzzer = 1;
        public const int Green = 2;
        public const int Red = 4;
        public const int Amber = Green | Red;

        private static readonly int[] Accepted =
        {
            150, Buzzer | Green,
            1500, Green,
        };

        private static readonly int[] AlreadyEaten =
        {
            120, Buzzer | Red,
            120, Red,
            120, Buzzer | Red,
            1500, Red,
        };

        private static readonly int[] Refused =
        {
            700, Buzzer | Red,
            1300, Red,
        };

        private static readonly int[] TapAgain =
        {
            60, Buzzer | Amber,
            60, Amber,
            60, Buzzer | Amber,
            60, Amber,
            60, Buzzer | Amber,
            800, Amber,
        };

        private static readonly int[] AcceptedWarning =
        {
            150, Buzzer | Green,
            1500, Green,
            300, Amber,
            300, 0,
            300, Amber,
            300, 0,
            300, Amber,
        };

        private static readonly int[] Silent = new int[0];

        /// <summary>The steps for a SignalPattern number; unknown numbers are silent rather than a crash.</summary>
        public static int[] For(int signal)
        {
            switch (signal)
            {
                case SignalPattern.Accepted:
                    return Accepted;
                case SignalPattern.AlreadyEaten:
                    return AlreadyEaten;
                case SignalPattern.Refused:
                    return Refused;
                case SignalPattern.TapAgain:
                    return TapAgain;
                case SignalPattern.AcceptedWarning:
                    return AcceptedWarning;
                default:
                    return Silent;
            }
        }
    }
}
