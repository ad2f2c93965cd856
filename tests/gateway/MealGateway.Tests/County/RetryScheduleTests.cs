using MealGateway.County;

namespace MealGateway.Tests.County;

public class RetryScheduleTests
{
    private readonly RetrySchedule schedule = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30), 0.5);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(9, 1280)]
    [InlineData(10, 1800)]
    [InlineData(500, 1800)]
    public void WithoutJitter_TheDelayDoublesUpToTheCap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), schedule.DelayAfter(failures, unit: 0));

    [Fact]
    public void Jitter_TakesUpToItsFractionOffTheBackoff()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), schedule.DelayAfter(3, unit: 1));
        Assert.Equal(TimeSpan.FromSeconds(15), schedule.DelayAfter(3, unit: 0.5));
        Assert.Equal(TimeSpan.FromMinutes(15), schedule.DelayAfter(40, unit: 1));
    }

    [Fact]
    public void NoFailures_MeansNoDelay() => Assert.Equal(TimeSpan.Zero, schedule.DelayAfter(0, 0.3));

    [Fact]
    public void JitterOutsideZeroToOne_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetrySchedule(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 1.5));
}
