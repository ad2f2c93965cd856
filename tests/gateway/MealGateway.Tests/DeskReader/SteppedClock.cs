using MealTerminal.Core.Clock;

namespace MealGateway.Tests.DeskReader;

/// <summary>Monotonic milliseconds the test moves by hand (the supervisor's watchdog reads them).</summary>
public sealed class SteppedClock : IClock
{
    public bool IsWallClockValid => true;

    public DateTime UtcNow => new DateTime(2026, 12, 1, 4, 0, 0, DateTimeKind.Utc).AddMilliseconds(MillisecondsSinceBoot);

    public long MillisecondsSinceBoot { get; private set; }

    public void SetUtc(DateTime utc) => throw new NotSupportedException();

    public void Advance(int milliseconds) => MillisecondsSinceBoot += milliseconds;
}
