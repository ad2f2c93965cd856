using MealTerminal.Core.Clock;

namespace MealTerminal.Drivers.Tests;

/// <summary>Boot-relative milliseconds that the test advances.</summary>
public sealed class FakeClock : IClock
{
    public bool IsWallClockValid { get; set; }
    public DateTime UtcNow { get; set; }
    public long MillisecondsSinceBoot { get; set; }

    public void SetUtc(DateTime utc)
    {
        UtcNow = utc;
        IsWallClockValid = true;
    }

    public void Advance(int milliseconds) => MillisecondsSinceBoot += milliseconds;
}
