namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// The configuration fields of home delivery and the welfare check (issue 17, extension tags 1..15;
    /// docs/protocol.md). Tag 1, the terminal mode, is ConfigExtensions.TagTerminalMode. The welfare
    /// check: a regular is an elder who ate at the site on at least RegularDays of the last
    /// RegularWindow service days; after the cut-off a regular who has not eaten today is absent.
    /// </summary>
    public static class DeliverySettings
    {
        /// <summary>Tag 2, u8 1..window: N of "N of the last M service days".</summary>
        public const int TagRegularDays = 2;

        /// <summary>Tag 3, u8 1..31: M, the service days looked back on.</summary>
        public const int TagRegularWindow = 3;

        /// <summary>Tag 4, u16 minute of the local day 1..1439: from when the day's absent list is drawn up.</summary>
        public const int TagAbsentCutoff = 4;

        public const int DefaultRegularDays = 4;
        public const int DefaultRegularWindow = 7;
        public const int MaxRegularWindow = 31;

        /// <summary>14:00 local, after lunch.</summary>
        public const int DefaultAbsentCutoffMinute = 14 * 60;

        /// <summary>Whether a field of ours is well formed; null when it is, else why not.</summary>
        public static string CheckField(int tag, byte[] section, int valueAt, int length)
        {
            if (tag == TagAbsentCutoff)
            {
                int minute = length == 2 ? section[valueAt] | (section[valueAt + 1] << 8) : -1;
                return minute >= 1 && minute < 24 * 60 ? null : "absent cut-off must be two bytes, a minute of the day 1..1439";
            }

            if (length != 1 || section[valueAt] < 1 || section[valueAt] > MaxRegularWindow)
            {
                return "regular days and window must be one byte, 1..31";
            }

            if (tag == TagRegularDays)
            {
                int window = ConfigExtensions.Find(section, TagRegularWindow);
                int m = window < 0 ? DefaultRegularWindow : section[window];
                return section[valueAt] <= m ? null : "regular days must not exceed the window";
            }

            int days = ConfigExtensions.Find(section, TagRegularDays);
            int n = days < 0 ? DefaultRegularDays : section[days];
            return n <= section[valueAt] ? null : "regular days must not exceed the window";
        }

        /// <summary>True when the configuration sets the terminal to go on delivery rounds.</summary>
        public static bool IsDelivery(byte[] section)
        {
            return ConfigExtensions.TerminalMode(section) == ConfigExtensions.TerminalModeDelivery;
        }

        public static int RegularDays(byte[] section)
        {
            int at = ConfigExtensions.Find(section, TagRegularDays);
            return at < 0 ? DefaultRegularDays : section[at];
        }

        public static int RegularWindow(byte[] section)
        {
            int at = ConfigExtensions.Find(section, TagRegularWindow);
            return at < 0 ? DefaultRegularWindow : section[at];
        }

        public static int AbsentCutoffMinute(byte[] section)
        {
            int at = ConfigExtensions.Find(section, TagAbsentCutoff);
            return at < 0 ? DefaultAbsentCutoffMinute : section[at] | (section[at + 1] << 8);
        }
    }
}
