using MealTerminal.Core.Meals;
using MealTerminal.Drivers.Rtc;

namespace MealTerminal.Drivers.Tests.Rtc;

/// <summary>
/// Issue #15, run-time parity: nanoFramework's DateTime spans 1601-01-01 to 3000-12-31 and its
/// constructors throw outside that span, where .NET's spans 0001 to 9999. Every DateTime the terminal
/// builds from outside input (the DS3231's registers, record seconds, the gateway's time answer) or
/// from its own counters must lie inside nanoFramework's span, or a value that works in every host
/// test would throw on the device. Ticks are comparable across the two: nanoFramework reports them
/// from 0001 like .NET (docs/nanoframework-subset.md).
/// </summary>
public class DateTimeRangeParityTests
{
    /// <summary>nanoFramework's DateTime.MinValue (1601-01-01) and MaxValue (3000-12-31 23:59:59.9999999) in .NET ticks.</summary>
    private static readonly long NanoMinTicks = new DateTime(1601, 1, 1).Ticks;
    private static readonly long NanoMaxTicks = new DateTime(3001, 1, 1).Ticks - 1;

    [Fact]
    public void TheSpanUsedHere_IsNanoFrameworksOwn()
    {
        Assert.Equal(504911232000000000, NanoMinTicks);   // its _ticksAtOrigin
        Assert.Equal(946708127999999999, NanoMaxTicks);   // its MaxTicks
    }

    [Fact]
    public void AClockWithoutWallTime_AnswersATimeBothRuntimesCanHold()
    {
        var counter = new FakeCounter { Milliseconds = 0 };
        var clock = new AnchoredClock(counter, new Ds3231(new FakeDs3231())); // oscillator stopped: no wall time

        foreach (long uptime in new[] { 0L, 1L, 86_400_000L, 400L * 86_400_000L })
        {
            counter.Milliseconds = uptime;
            Assert.False(clock.IsWallClockValid);
            AssertInsideNanoFramework(clock.UtcNow);
        }
    }

    [Fact]
    public void EveryTimeTheDs3231CanHold_IsInsideNanoFrameworksSpan()
    {
        var chip = new FakeDs3231();
        var rtc = new Ds3231(chip);
        foreach (var (century, year) in new[] { (0, 0x00), (0, 0x99), (0x80, 0x00), (0x80, 0x99) })
        {
            chip.Registers[0x0F] = 0x00; // oscillator ran
            chip.Registers[0x00] = 0x59;
            chip.Registers[0x01] = 0x59;
            chip.Registers[0x02] = 0x23;
            chip.Registers[0x04] = 0x31;
            chip.Registers[0x05] = (byte)(century | 0x12);
            chip.Registers[0x06] = (byte)year;

            Assert.Equal(RtcReadResult.Valid, rtc.ReadUtc(out var utc));
            AssertInsideNanoFramework(utc);
        }
    }

    [Fact]
    public void EveryRecordTime_IsInsideNanoFrameworksSpan()
    {
        AssertInsideNanoFramework(LocalTime.FromRecordSeconds(0));
        AssertInsideNanoFramework(LocalTime.FromRecordSeconds(uint.MaxValue));
        Assert.Equal(0u, LocalTime.ToRecordSeconds(new DateTime(1601, 1, 1))); // nanoFramework's MinValue: no time, not a wrap
    }

    [Fact]
    public void TheLatestTimeAGatewayCanAnswer_IsInsideNanoFrameworksSpan_AndTheDs3231TakesIt()
    {
        // The time answer carries uint seconds since 2020 and milliseconds; TimeSync adds half the round trip (at most 5 s).
        var latest = LocalTime.FromRecordSeconds(uint.MaxValue).AddMilliseconds(999 + 2_500);
        AssertInsideNanoFramework(latest);
        var clock = new AnchoredClock(new FakeCounter(), new Ds3231(new FakeDs3231()));
        clock.SetUtc(latest); // the DS3231 keeps 2000..2199: 2156 fits
        Assert.True(clock.IsWallClockValid);
    }

    private static void AssertInsideNanoFramework(DateTime time) =>
        Assert.InRange(time.Ticks, NanoMinTicks, NanoMaxTicks);
}
