using MealTerminal.Core.Clock;

namespace MealGateway.DeskReader;

/// <summary>
/// The supervisor's clock at the desk: monotonic milliseconds from the TimeProvider's timestamps (the
/// Pi's NTP steps the wall clock, which must not fire or starve the reader's watchdog), wall time from it.
/// </summary>
public sealed class DeskClock(TimeProvider time) : IClock
{
    private readonly long start = time.GetTimestamp();

    public bool IsWallClockValid => true;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public long MillisecondsSinceBoot => (long)time.GetElapsedTime(start).TotalMilliseconds;

    public void SetUtc(DateTime utc) => throw new NotSupportedException("the gateway's wall clock belongs to the operating system");
}
