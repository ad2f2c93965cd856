using MealTerminal.Drivers.Rtc;

namespace MealTerminal.Drivers.Tests.Rtc;

/// <summary>
/// Issue #15: DeviceClock derived milliseconds-since-boot from DateTime.UtcNow, which the ESP32
/// firmware's own SNTP client steps when Wi-Fi gets an address, so debounce, watchdogs and the boot
/// offsets of clockless meals could jump. The clock now counts on the monotonic tick counter alone and
/// keeps the wall time as an anchor of its own: the DS3231 gives it at boot, the gateway's time answer
/// sets it, and nothing else (SNTP's steps of the system clock are never read).
/// </summary>
public class AnchoredClockTests
{
    private readonly FakeDs3231 _chip = new();
    private readonly FakeCounter _counter = new() { Milliseconds = 5_000 };

    [Fact]
    public void BootMilliseconds_CountFromConstruction_OnTheMonotonicCounterOnly()
    {
        var clock = new AnchoredClock(_counter, new Ds3231(_chip));
        _counter.Milliseconds += 1_234;

        Assert.Equal(1_234, clock.MillisecondsSinceBoot);
    }

    [Fact]
    public void SettingTheWallClock_DoesNotMoveBootMilliseconds()
    {
        var clock = new AnchoredClock(_counter, new Ds3231(_chip));
        _counter.Milliseconds += 10_000;

        clock.SetUtc(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc));
        clock.SetUtc(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(10_000, clock.MillisecondsSinceBoot);
    }

    [Fact]
    public void AValidRtcAtBoot_GivesWallTimeThatAdvancesWithTheCounter()
    {
        var atBoot = new DateTime(2026, 11, 30, 23, 59, 30, DateTimeKind.Utc);
        new Ds3231(_chip).SetUtc(atBoot);
        var clock = new AnchoredClock(_counter, new Ds3231(_chip));

        _counter.Milliseconds += 45_500;

        Assert.True(clock.IsWallClockValid);
        Assert.Equal(atBoot.AddMilliseconds(45_500), clock.UtcNow);
    }

    [Fact]
    public void AStoppedRtcOscillator_LeavesWallTimeInvalidUntilTheGatewaySetsIt()
    {
        var clock = new AnchoredClock(_counter, new Ds3231(_chip));
        Assert.False(clock.IsWallClockValid);

        var fromGateway = new DateTime(2026, 12, 1, 1, 2, 3, DateTimeKind.Utc);
        clock.SetUtc(fromGateway);
        _counter.Milliseconds += 2_000;

        Assert.True(clock.IsWallClockValid);
        Assert.Equal(fromGateway.AddSeconds(2), clock.UtcNow);
        Assert.Equal(RtcReadResult.Valid, new Ds3231(_chip).ReadUtc(out var stored));
        Assert.Equal(fromGateway, stored);
    }
}
