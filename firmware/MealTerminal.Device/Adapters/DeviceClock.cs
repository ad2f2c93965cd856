using System;
using MealTerminal.Core.Clock;
using MealTerminal.Drivers.Rtc;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// The clock port on the ESP32. Wall time is valid when the DS3231 kept it through the power cut
    /// (oscillator-stop flag clear) or once the gateway has set it; setting it writes the RTC and the
    /// system clock. Boot-relative milliseconds come from the system clock with every jump we make
    /// subtracted, so they stay monotonic when the time is set.
    /// </summary>
    public sealed class DeviceClock : IClock
    {
        private const long TicksPerMillisecond = 10000;
        private readonly Ds3231 rtc;
        private readonly long bootTicks;
        private long jumpTicks;

        public DeviceClock(Ds3231 rtc)
        {
            this.rtc = rtc;
            DateTime utc;
            if (rtc.ReadUtc(out utc) == RtcReadResult.Valid)
            {
                nanoFramework.Runtime.Native.Rtc.SetSystemTime(utc);
                IsWallClockValid = true;
            }

            bootTicks = DateTime.UtcNow.Ticks;
        }

        public bool IsWallClockValid { get; private set; }

        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }

        public long MillisecondsSinceBoot
        {
            get { return (DateTime.UtcNow.Ticks - bootTicks - jumpTicks) / TicksPerMillisecond; }
        }

        public void SetUtc(DateTime utc)
        {
            long before = DateTime.UtcNow.Ticks;
            nanoFramework.Runtime.Native.Rtc.SetSystemTime(utc);
            jumpTicks += DateTime.UtcNow.Ticks - before;
            rtc.SetUtc(utc);
            IsWallClockValid = true;
        }
    }
}
