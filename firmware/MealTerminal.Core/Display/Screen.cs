namespace MealTerminal.Core.Display
{
    /// <summary>Signal patterns for buzzer and LEDs, one per kind of verdict (docs/verdicts.md).</summary>
    public static class SignalPattern
    {
        public const int None = 0;
        public const int Accepted = 1;        // one short beep, green
        public const int AlreadyEaten = 2;    // two beeps, red
        public const int Refused = 3;         // one long beep, red
        public const int TapAgain = 4;        // three quick beeps, both LEDs
        public const int AcceptedWarning = 5; // accepted, then amber blink
    }

    /// <summary>A frame for the 128x64 display: up to four short lines, plus the signal to play.</summary>
    public sealed class Screen
    {
        public string Line1 = string.Empty;
        public string Line2 = string.Empty;
        public string Line3 = string.Empty;
        public string Line4 = string.Empty;
        public int Signal;

        /// <summary>The verdict this screen reports, or 0 for other screens (idle, host review).</summary>
        public int Verdict;

        /// <summary>Whose card it was: the roster's GB2312 name bytes, copied in place (a tap allocates nothing); NameLength 0 for none.</summary>
        public readonly byte[] Name = new byte[Roster.RosterFormat.MaxNameBytes];

        public int NameLength;

        public void Set(int verdict, int signal, string line1, string line2, string line3, string line4)
        {
            Verdict = verdict;
            Signal = signal;
            NameLength = 0;
            Line1 = line1;
            Line2 = line2;
            Line3 = line3;
            Line4 = line4;
        }
    }
}
