using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Tests.Meals;

/// <summary>
/// Issue 13 item 4: the clockless meal gap travels in the configuration image. A configuration
/// with the default gap is still written in format 1, so terminals and examples that know only
/// format 1 keep working; another gap needs format 2, which adds it before the CRC.
/// </summary>
public class ConfigImageGapTests
{
    private static ConfigValues Lunch(int gapMinutes) => new()
    {
        Version = 3,
        Periods = [new MealPeriod("午餐", 11 * 60, (13 * 60) + 30, 1)],
        ClocklessGapMinutes = gapMinutes,
    };

    [Fact]
    public void TheDefaultGap_IsWrittenInFormat1_AndReadBackAsThreeHours()
    {
        var buffer = new byte[ConfigImage.MaxSize];
        int length = ConfigImage.Encode(buffer, Lunch(TerminalConfig.DefaultClocklessGapMinutes), out _);
        Assert.Equal(1, buffer[0]);

        var read = new ConfigValues { ClocklessGapMinutes = 999 };
        Assert.Equal(length, ConfigImage.TryDecode(buffer, length, read));
        Assert.Equal(180, read.ClocklessGapMinutes);
    }

    [Fact]
    public void AnotherGap_IsWrittenInFormat2_AndReadBack()
    {
        var buffer = new byte[ConfigImage.MaxSize];
        int length = ConfigImage.Encode(buffer, Lunch(240), out string problem);
        Assert.Null(problem);
        Assert.Equal(2, buffer[0]);

        var read = new ConfigValues();
        Assert.Equal(length, ConfigImage.TryDecode(buffer, length, read));
        Assert.Equal(240, read.ClocklessGapMinutes);
        Assert.Equal("午餐", read.Periods[0].Name);
    }

    [Theory]
    [InlineData(59)]
    [InlineData(1441)]
    public void AGapOutsideOneHourToOneDay_IsRefused(int gap)
    {
        Assert.Equal(-1, ConfigImage.Encode(new byte[ConfigImage.MaxSize], Lunch(gap), out string problem));
        Assert.Contains("gap", problem);
    }

    [Fact]
    public void AppliedConfiguration_SetsTheTerminalsGap()
    {
        var config = new TerminalConfig("S01", "T01", TerminalConfig.DefaultPeriods());
        config.Apply(Lunch(300));
        Assert.Equal(300, config.ClocklessGapMinutes);
    }
}
