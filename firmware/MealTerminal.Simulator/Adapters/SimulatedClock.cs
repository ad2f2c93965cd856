using MealTerminal.Core.Clock;

namespace MealTerminal.Simulator.Adapters;

/// <summary>A clock the scenario moves: wall time may be unset (as after a power cut without RTC).</summary>
public sealed class SimulatedClock : IClock
{
    private DateTime utc;

    public bool IsWallClockValid { get; private set; }

    public DateTime UtcNow => utc;

    public long MillisecondsSinceBoot { get; private set; }

    /// <summary>
    /// The scenario owns wall time (the demo replays a past day): the core's SetUtc from time sync is
    /// counted in SetsIgnored but not applied. Off by default: the clock then follows the gateway.
    /// </summary>
    public bool Scripted { get; set; }

    public int SetsIgnored { get; private set; }

    /// <summary>The core sets the clock (time sync from the gateway).</summary>
    public void SetUtc(DateTime value)
    {
        if (Scripted)
        {
            SetsIgnored++;
            return;
        }

        Set(value);
    }

    /// <summary>Moves wall time to value, advancing the monotonic clock by the same amount.</summary>
    public void MoveTo(DateTime value)
    {
        if (IsWallClockValid && value > utc)
        {
            MillisecondsSinceBoot += (long)(value - utc).TotalMilliseconds;
        }

        Set(value);
    }

    public void Advance(TimeSpan by)
    {
        MillisecondsSinceBoot += (long)by.TotalMilliseconds;
        if (IsWallClockValid)
        {
            utc += by;
        }
    }

    private void Set(DateTime value)
    {
        utc = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        IsWallClockValid = true;
    }

    /// <summary>A power cut: the wall clock is lost (no RTC) and uptime starts again.</summary>
    public void PowerCycle(bool keepWallClock)
    {
        MillisecondsSinceBoot = 0;
        IsWallClockValid = keepWallClock && IsWallClockValid;
    }
}
