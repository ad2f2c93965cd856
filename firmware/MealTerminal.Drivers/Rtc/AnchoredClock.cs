using System;
using MealTerminal.Core.Clock;
using MealTerminal.Core.Meals;

namespace MealTerminal.Drivers.Rtc
{
    /// <summary>
    /// The terminal's clock, owner of its own wall time. Boot milliseconds are the monotonic counter
    /// since construction. Wall time is an anchor (a UTC instant and the counter reading it was taken
    /// at) advanced by the counter: the DS3231 gives the first anchor at boot when its oscillator kept
    /// running, and only SetUtc (the gateway's time answer) moves it afterwards, writing the DS3231 too.
    /// The system clock (DateTime.UtcNow), which nanoFramework's own SNTP client steps on the ESP32,
    /// is never read, so neither debounce nor the boot offsets of clockless meals can jump.
    /// </summary>
    public sealed class AnchoredClock : IClock
    {
        private const long TicksPerMillisecond = 10000;
        private readonly IMillisecondCounter counter;
        private readonly Ds3231 rtc;
        private readonly long bootMilliseconds;
        private long anchorUtcTicks;
        private long anchorMilliseconds;

        public AnchoredClock(IMillisecondCounter counter, Ds3231 rtc)
        {
            this.counter = counter;
            this.rtc = rtc;
            bootMilliseconds = counter.Milliseconds;
            anchorUtcTicks = LocalTime.Epoch.Ticks; // without wall time UtcNow counts from 2020: ticks 0 (year 1) throw on nanoFramework, whose DateTime starts at 1601
            anchorMilliseconds = bootMilliseconds;
            DateTime utc;
            if (rtc.ReadUtc(out utc) == RtcReadResult.Valid)
            {
                Anchor(utc);
            }
        }

        public bool IsWallClockValid { get; private set; }

        public DateTime UtcNow
        {
            get
            {
                long elapsed = counter.Milliseconds - anchorMilliseconds;
                return new DateTime(anchorUtcTicks + elapsed * TicksPerMillisecond, DateTimeKind.Utc);
            }
        }

        public long MillisecondsSinceBoot
        {
            get { return counter.Milliseconds - bootMilliseconds; }
        }

        public void SetUtc(DateTime utc)
        {
            Anchor(utc);
            rtc.SetUtc(utc);
        }

        private void Anchor(DateTime utc)
        {
            anchorUtcTicks = utc.Ticks;
            anchorMilliseconds = counter.Milliseconds;
            IsWallClockValid = true;
        }
    }
}
