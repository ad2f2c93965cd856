using MealTerminal.Drivers.Uplink;

namespace MealTerminal.Drivers.Tests.Uplink;

public class ReconnectScheduleTests
{
    [Fact]
    public void AfterSuccess_ThereIsNoDelay()
    {
        var schedule = new ReconnectSchedule(1000, 60000, 7);
        schedule.MarkFailure();
        schedule.MarkSuccess();
        Assert.Equal(0, schedule.NextDelayMilliseconds());
    }

    [Fact]
    public void Failures_DoubleTheDelay_WithinHalfToFullJitter_UpToTheCap()
    {
        var schedule = new ReconnectSchedule(1000, 60000, 7);
        int[] ceilings = { 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000 };
        foreach (int ceiling in ceilings)
        {
            schedule.MarkFailure();
            Assert.InRange(schedule.NextDelayMilliseconds(), ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void TheSameSeed_GivesTheSameDelays_AndDifferentSeedsSpreadTerminalsApart()
    {
        int[] Delays(int seed)
        {
            var schedule = new ReconnectSchedule(1000, 60000, seed);
            var delays = new int[8];
            for (int i = 0; i < delays.Length; i++)
            {
                schedule.MarkFailure();
                delays[i] = schedule.NextDelayMilliseconds();
            }

            return delays;
        }

        Assert.Equal(Delays(42), Delays(42));
        var firstRetries = Enumerable.Range(1, 30).Select(seed => Delays(seed)[5]).Distinct().Count();
        Assert.True(firstRetries > 20, $"only {firstRetries} distinct delays over 30 terminals");
    }

    [Fact]
    public void ManyFailures_NeverOverflowTheDelay()
    {
        var schedule = new ReconnectSchedule(1000, 300000, 1);
        for (int i = 0; i < 1000; i++)
        {
            schedule.MarkFailure();
        }

        Assert.InRange(schedule.NextDelayMilliseconds(), 150000, 300000);
    }
}
