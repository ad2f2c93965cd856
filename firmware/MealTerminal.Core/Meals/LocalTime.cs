using System;

namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// Record time arithmetic without local-time support (nanoFramework's DateTime is UTC only):
    /// records keep seconds since 2020-01-01T00:00Z, and local day and minute come from a fixed offset.
    /// </summary>
    public static class LocalTime
    {
        public static readonly DateTime Epoch = new DateTime(2020, 1, 1, 0, 0, 0);
        private const long TicksPerSecond = 10000000;

        public static uint ToRecordSeconds(DateTime utc)
        {
            long seconds = (utc.Ticks - Epoch.Ticks) / TicksPerSecond;
            return seconds < 0 ? 0 : (uint)seconds;
        }

        public static DateTime FromRecordSeconds(uint seconds)
        {
            return new DateTime(Epoch.Ticks + (seconds * TicksPerSecond));
        }

        /// <summary>Local day number (days since 2020-01-01 local).</summary>
        public static int LocalDay(uint recordSeconds, int utcOffsetMinutes)
        {
            return (int)((recordSeconds + (utcOffsetMinutes * 60L)) / 86400);
        }

        public static int LocalMinuteOfDay(uint recordSeconds, int utcOffsetMinutes)
        {
            return (int)(((recordSeconds + (utcOffsetMinutes * 60L)) % 86400) / 60);
        }
    }
}
