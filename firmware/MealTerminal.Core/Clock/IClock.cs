using System;

namespace MealTerminal.Core.Clock
{
    /// <summary>
    /// The clock seam. Wall time may be unknown (no RTC, never synchronised since power-on):
    /// the core then records boot-relative time instead of inventing a 1970 date.
    /// </summary>
    public interface IClock
    {
        /// <summary>True when UtcNow holds real time (RTC kept it, or the gateway set it).</summary>
        bool IsWallClockValid { get; }

        /// <summary>UTC wall time; meaningless while IsWallClockValid is false.</summary>
        DateTime UtcNow { get; }

        /// <summary>Monotonic milliseconds since this boot.</summary>
        long MillisecondsSinceBoot { get; }

        void SetUtc(DateTime utc);
    }
}
