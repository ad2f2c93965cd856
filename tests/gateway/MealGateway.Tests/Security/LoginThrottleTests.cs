using MealGateway.Accounts;
using MealGateway.Tests.Settlement;

namespace MealGateway.Tests.Security;

/// <summary>The throttle's arithmetic on a hand-moved clock.</summary>
public sealed class LoginThrottleTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FreeFailures_ThenALockoutThatDoublesAndEnds()
    {
        var throttle = new LoginThrottle(clock, 3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        for (int i = 0; i < 2; i++)
        {
            throttle.RecordFailure("user:a");
            Assert.False(throttle.IsLockedOut("user:a"));
        }

        throttle.RecordFailure("user:a");
        Assert.True(throttle.IsLockedOut("user:a"));
        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(throttle.IsLockedOut("user:a"));

        throttle.RecordFailure("user:a");
        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.True(throttle.IsLockedOut("user:a"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsLockedOut("user:a"));
        Assert.False(throttle.IsLockedOut("user:b"));
    }

    [Fact]
    public void LockoutIsCapped_AndSuccessClearsTheKey()
    {
        var throttle = new LoginThrottle(clock, 0, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        for (int i = 0; i < 40; i++)
        {
            throttle.RecordFailure("addr:10.0.0.9");
        }

        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsLockedOut("addr:10.0.0.9"));

        throttle.RecordFailure("addr:10.0.0.9");
        Assert.True(throttle.IsLockedOut("addr:10.0.0.9"));
        throttle.RecordSuccess("addr:10.0.0.9");
        Assert.False(throttle.IsLockedOut("addr:10.0.0.9"));
    }
}
