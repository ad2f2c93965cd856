using MealTerminal.Core.Clock;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>A clock the test sets; wall time starts unknown like a terminal without RTC.</summary>
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

    /// <summary>Sets wall time from a China local time.</summary>
    public void SetLocal(int year, int month, int day, int hour, int minute) =>
        SetUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8));

    public void Advance(TimeSpan by)
    {
        MillisecondsSinceBoot += (long)by.TotalMilliseconds;
        UtcNow += by;
    }
}
