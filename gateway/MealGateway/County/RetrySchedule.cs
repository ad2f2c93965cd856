namespace MealGateway.County;

/// <summary>
/// When to try a failed delivery again: exponential backoff from First, capped at Max, with jitter
/// so that many gateways coming back after a county outage do not all call at once. Pure: the
/// random draw is passed in, so a test can pin it.
/// </summary>
public sealed class RetrySchedule(TimeSpan first, TimeSpan max, double jitter)
{
    public static RetrySchedule Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30), 0.5);

    public TimeSpan First { get; } = first;

    public TimeSpan Max { get; } = max;

    /// <summary>Fraction of the delay that is random: 0.5 gives a delay between 50 % and 100 % of the backoff.</summary>
    public double Jitter { get; } = jitter is >= 0 and <= 1 ? jitter : throw new ArgumentOutOfRangeException(nameof(jitter));

    /// <summary>The delay after the given number of consecutive failures (1 or more); unit is a draw in [0, 1).</summary>
    public TimeSpan DelayAfter(int failures, double unit)
    {
        if (failures < 1)
        {
            return TimeSpan.Zero;
        }

        double backoff = Math.Min(Max.TotalMilliseconds, First.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30)));
        return TimeSpan.FromMilliseconds(backoff * (1 - (Jitter * Math.Clamp(unit, 0, 1))));
    }

    /// <summary>When the next attempt is due after a failure at now.</summary>
    public DateTime NextAttempt(DateTime now, int failures, double unit) => now + DelayAfter(failures, unit);
}
