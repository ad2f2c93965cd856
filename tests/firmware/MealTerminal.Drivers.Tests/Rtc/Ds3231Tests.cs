using MealTerminal.Drivers.Rtc;

namespace MealTerminal.Drivers.Tests.Rtc;

public class Ds3231Tests
{
    private readonly FakeDs3231 _chip = new();
    private readonly Ds3231 _rtc;

    public Ds3231Tests() => _rtc = new Ds3231(_chip);

    [Fact]
    public void AFreshChip_ReportsItsTimeAsNotValid()
    {
        Assert.Equal(RtcReadResult.OscillatorStopped, _rtc.ReadUtc(out _));
    }

    [Fact]
    public void SetThenRead_RoundTripsUtc_AndClearsOnlyTheStopFlag()
    {
        var time = new DateTime(2026, 11, 23, 3, 45, 59, DateTimeKind.Utc);
        Assert.True(_rtc.SetUtc(time));

        Assert.Equal(RtcReadResult.Valid, _rtc.ReadUtc(out var read));
        Assert.Equal(time, read);
        Assert.Equal(0x08, _chip.Registers[0x0F]); // EN32kHz kept
    }

    [Fact]
    public void SetUtc_WritesBcdRegistersIn24HourMode()
    {
        _rtc.SetUtc(new DateTime(2031, 12, 31, 23, 59, 58, DateTimeKind.Utc));
        Assert.Equal(new byte[] { 0x58, 0x59, 0x23, 0x04, 0x31, 0x12, 0x31 }, _chip.Registers[0..7]); // a Wednesday: day 4 with Sunday = 1
    }

    [Fact]
    public void APowerCutWithADeadBattery_MakesTheTimeInvalidAgain()
    {
        _rtc.SetUtc(new DateTime(2026, 5, 1, 10, 0, 0, DateTimeKind.Utc));
        _chip.Registers[0x0F] |= 0x80; // the oscillator stopped

        Assert.Equal(RtcReadResult.OscillatorStopped, _rtc.ReadUtc(out _));
    }

    [Fact]
    public void A12HourClock_LeftByAnotherProgram_IsReadCorrectly()
    {
        _rtc.SetUtc(new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        _chip.Registers[0x02] = 0x40 | 0x20 | 0x11; // 12-hour mode, PM, 11 o'clock

        _rtc.ReadUtc(out var read);
        Assert.Equal(23, read.Hour);
    }

    [Theory]
    [InlineData(0x00, 0x7A)] // seconds not BCD
    [InlineData(0x05, 0x13)] // month 13
    [InlineData(0x04, 0x31)] // 31 April
    public void GarbageInTheRegisters_IsNotReportedAsATime(int register, byte value)
    {
        _rtc.SetUtc(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
        _chip.Registers[register] = value;

        Assert.Equal(RtcReadResult.Invalid, _rtc.ReadUtc(out _));
    }

    [Fact]
    public void AMissingModule_IsABusError_NotATime()
    {
        _chip.Absent = true;
        Assert.Equal(RtcReadResult.BusError, _rtc.ReadUtc(out _));
        Assert.False(_rtc.SetUtc(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}

public class Ds3231CalendarTests
{
    [Theory]
    [InlineData(2028, 0x29, true)]  // leap year
    [InlineData(2100, 0x29, false)] // century, not a leap year
    [InlineData(2027, 0x29, false)]
    public void February29_IsAcceptedOnlyInLeapYears(int year, byte day, bool valid)
    {
        var chip = new FakeDs3231();
        var rtc = new Ds3231(chip);
        rtc.SetUtc(new DateTime(year, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        chip.Registers[0x04] = day;

        Assert.Equal(valid ? RtcReadResult.Valid : RtcReadResult.Invalid, rtc.ReadUtc(out _));
    }
}
