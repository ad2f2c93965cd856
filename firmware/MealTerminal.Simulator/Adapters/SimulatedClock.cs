using MealTerminal.Core.Clock;

namespace MealTerminal.Simulator.Adapters;

/// <summary>A clock the scenario moves: wall time may be unset (as after a power cut without RTC).</summary>
public sealed class SimulatedClock : IClock
{
    private DateTime utc;

    public bool IsWallClockValid { get; private set; }

    public DateTime UtcNow => utc;

    public long MillisecondsSinceBoot { get; private set; }

    public void SetUtc(DateTime value)
    {
        utc = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        IsWallClockValid = true;
    }

    /// <summary>Moves wall time to value, advancing the monotonic clock by the same amount.</summary>
    public void MoveTo(DateTime value)
    {
        if (IsWallClockValid && value > utc)
        {
            MillisecondsSinceBoot += (long)(value - utc).TotalMilliseconds;
        }

        SetUtc(value);
    }

    public void Advance(TimeSpan by)
    {
        MillisecondsSinceBoot += (long)by.TotalMilliseconds;
        if (IsWallClockValid)
        {
            utc += by;
        }
    }

    /// <summary>A power cut: the wall clock is lost (no RTC) and uptime starts again.</summary>
    public void PowerCycle(bool keepWallClock)
    {
        MillisecondsSinceBoot = 0;
        IsWallClockValid = keepWallClock && IsWallClockValid;
    }
}
