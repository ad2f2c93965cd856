namespace MealTerminal.Drivers.Rtc
{
    public enum RtcReadResult
    {
        /// <summary>The time is real: the oscillator ran the whole time.</summary>
        Valid = 0,
        /// <summary>OSF is set: the clock stopped (battery dead or missing during a power cut); do not trust it.</summary>
        OscillatorStopped = 1,
        /// <summary>The DS3231 did not acknowledge (module missing, wire loose).</summary>
        BusError = 2,
        /// <summary>The registers hold values no running clock produces (not BCD, month 13...).</summary>
        Invalid = 3,
    }
}
