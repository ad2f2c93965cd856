using System;

namespace MealTerminal.Core.Meals
{
    /// <summary>What a terminal needs to decide taps: identity, local time offset, meal periods.</summary>
    public sealed class TerminalConfig
    {
        public const int MaxPeriods = 4;

        /// <summary>Default minimum gap between two meals of one elder while the clock is unknown: 3 hours.</summary>
        public const int DefaultClocklessGapMinutes = 180;

        public TerminalConfig(string siteId, string terminalId, MealPeriod[] periods)
        {
            string problem = CheckPeriods(periods);
            if (problem != null)
            {
                throw new ArgumentException(problem);
            }

            SiteId = siteId;
            TerminalId = terminalId;
            Periods = periods;
            UtcOffsetMinutes = 8 * 60;
            StorageWarningPercent = 80;
            DebounceMilliseconds = 3000;
            ClocklessGapMinutes = DefaultClocklessGapMinutes;
            Prices = new MealPrices();
        }

        public string SiteId { get; private set; }

        public string TerminalId { get; private set; }

        public MealPeriod[] Periods { get; private set; }

        /// <summary>Local time offset from UTC; China Standard Time (+08:00) by default.</summary>
        public int UtcOffsetMinutes { get; set; }

        /// <summary>Used-storage percentage from which the terminal warns (default 80, i.e. 20 % free).</summary>
        public int StorageWarningPercent { get; set; }

        /// <summary>Price and subsidy per period and category (none set: the screen shows no amount).</summary>
        public MealPrices Prices { get; private set; }

        /// <summary>Version of the configuration the terminal runs (0 = built-in defaults), reported in the heartbeat.</summary>
        public uint ConfigVersion { get; set; }

        /// <summary>The configuration's extension section (ConfigExtensions), null for none: terminal mode and the welfare check (DeliverySettings).</summary>
        public byte[] Extensions { get; set; }

        /// <summary>Repeated reads of the same card within this window are one tap.</summary>
        public int DebounceMilliseconds { get; set; }

        /// <summary>
        /// While the wall clock is unknown, an elder is served again only this many minutes after the
        /// last meal in this boot (the rule is in TapHandler; it never uses less than the longest period).
        /// </summary>
        public int ClocklessGapMinutes { get; set; }

        /// <summary>The first rule the periods break (1 to 4, each a non-empty range within the day, 1 to 3 meals, no overlaps); null when none.</summary>
        public static string CheckPeriods(MealPeriod[] periods)
        {
            if (periods == null || periods.Length == 0 || periods.Length > MaxPeriods)
            {
                return "a terminal needs 1 to 4 meal periods";
            }

            for (int i = 0; i < periods.Length; i++)
            {
                MealPeriod p = periods[i];
                if (p.StartMinute < 0 || p.EndMinute > 24 * 60 || p.StartMinute >= p.EndMinute)
                {
                    return "meal period " + p.Name + " has an empty or impossible time range";
                }

                if (p.LimitPerElder < 1 || p.LimitPerElder > 3)
                {
                    return "meal period " + p.Name + " limit must be 1 to 3";
                }

                for (int j = 0; j < i; j++)
                {
                    if (p.StartMinute < periods[j].EndMinute && periods[j].StartMinute < p.EndMinute)
                    {
                        return "meal periods " + periods[j].Name + " and " + p.Name + " overlap";
                    }
                }
            }

            return null;
        }

        /// <summary>Takes the settings of a checked configuration image (ConfigImage.TryDecode); identity stays.</summary>
        public void Apply(ConfigValues values)
        {
            Periods = values.Periods;
            UtcOffsetMinutes = values.UtcOffsetMinutes;
            StorageWarningPercent = values.StorageWarningPercent;
            DebounceMilliseconds = values.DebounceMilliseconds;
            ClocklessGapMinutes = values.ClocklessGapMinutes;
            ConfigVersion = values.Version;
            Extensions = values.Extensions;
            Prices.Clear();
            if (values.PriceFen != null)
            {
                for (int period = 0; period < Periods.Length; period++)
                {
                    for (int category = 0; category < ElderCategory.Count; category++)
                    {
                        int i = (period * ElderCategory.Count) + category;
                        Prices.Set(period, category, values.PriceFen[i], values.SubsidyFen[i]);
                    }
                }
            }
        }

        /// <summary>Default periods: breakfast 06:30-08:30, lunch 11:00-13:30, dinner 17:00-19:30.</summary>
        public static MealPeriod[] DefaultPeriods()
        {
            return new MealPeriod[]
            {
                new MealPeriod("早餐", (6 * 60) + 30, (8 * 60) + 30, 1),
                new MealPeriod("午餐", 11 * 60, (13 * 60) + 30, 1),
                new MealPeriod("晚餐", 17 * 60, (19 * 60) + 30, 1),
            };
        }
    }
}
