using MealTerminal.Core.Integrity;
using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Tests.Meals;

/// <summary>
/// Format 3 of the configuration image: settings added after format 2 travel as tagged fields in one
/// extension section, and a terminal refuses a field it does not know rather than ignore a setting
/// that may change which meals count.
/// </summary>
public class ConfigExtensionsTests
{
    private static ConfigValues Lunch(byte[]? extensions) => new()
    {
        Version = 7,
        Periods = [new MealPeriod("午餐", 11 * 60, (13 * 60) + 30, 1)],
        Extensions = extensions,
    };

    private static byte[] Delivery() =>
        ConfigExtensions.With(null!, ConfigExtensions.TagTerminalMode, [ConfigExtensions.TerminalModeDelivery]);

    [Fact]
    public void AConfigurationWithAField_IsWrittenInFormat3_AndReadBackWithIt()
    {
        var buffer = new byte[ConfigImage.MaxSize];
        int length = ConfigImage.Encode(buffer, Lunch(Delivery()), out string problem);
        Assert.Null(problem);
        Assert.Equal(3, buffer[0]);

        var read = new ConfigValues();
        Assert.Equal(length, ConfigImage.TryDecode(buffer, length, read));
        Assert.Equal(ConfigExtensions.TerminalModeDelivery, ConfigExtensions.TerminalMode(read.Extensions));
        Assert.Equal(180, read.ClocklessGapMinutes);
        Assert.Equal("午餐", read.Periods[0].Name);
    }

    [Fact]
    public void AConfigurationWithoutFields_KeepsTheLowestFormat()
    {
        var buffer = new byte[ConfigImage.MaxSize];
        ConfigImage.Encode(buffer, Lunch(ConfigExtensions.Empty), out _);
        Assert.Equal(1, buffer[0]);
        Assert.Equal(ConfigExtensions.TerminalModeCanteen, ConfigExtensions.TerminalMode(null!));
    }

    [Fact]
    public void AnUnknownTag_IsRefusedWhenEncoding_AndWhenReadFromAnImage()
    {
        byte[] unknown = ConfigExtensions.With(Delivery(), 200, [1, 2]);
        Assert.Equal(-1, ConfigImage.Encode(new byte[ConfigImage.MaxSize], Lunch(unknown), out string problem));
        Assert.Contains("unknown configuration field 200", problem);

        var buffer = new byte[ConfigImage.MaxSize];
        int length = ConfigImage.Encode(buffer, Lunch(Delivery()), out _);
        int tagAt = length - 4 - 3; // count, tag, length, value, CRC
        Assert.Equal(ConfigExtensions.TagTerminalMode, buffer[tagAt]);
        buffer[tagAt] = 200;
        LittleEndian.WriteUInt32(buffer, length - 4, Crc32.Compute(buffer, 0, length - 4));
        var read = new ConfigValues { Version = 1 };
        Assert.Equal(-1, ConfigImage.TryDecode(buffer, length, read));
        Assert.Equal(1u, read.Version);
    }

    [Theory]
    [InlineData(new byte[] { 2, 1, 1, 0, 1, 1, 1 }, "out of order")] // tag 1 twice
    [InlineData(new byte[] { 1, 1, 2, 0, 0 }, "terminal mode")] // mode of two bytes
    [InlineData(new byte[] { 1, 1, 1, 2 }, "terminal mode")] // mode 2 does not exist
    [InlineData(new byte[] { 1, 1, 5, 0 }, "too long")] // length past the end
    [InlineData(new byte[] { 1, 1, 1, 0, 9 }, "after the last")] // stray byte
    [InlineData(new byte[] { 2, 1, 1, 0 }, "cut short")] // second field missing
    public void ABrokenSection_IsRefusedWithItsReason(byte[] section, string reason)
    {
        Assert.Contains(reason, ConfigExtensions.Check(section));
        Assert.Equal(-1, ConfigImage.Encode(new byte[ConfigImage.MaxSize], Lunch(section), out _));
    }

    [Fact]
    public void With_KeepsTagsAscending_AndReplacesAnEarlierValue()
    {
        byte[] section = ConfigExtensions.With(ConfigExtensions.Empty, 3, [9]);
        section = ConfigExtensions.With(section, 1, [0]);
        section = ConfigExtensions.With(section, 2, [5, 6]);
        section = ConfigExtensions.With(section, 1, [1]);
        Assert.Equal(new byte[] { 3, 1, 1, 1, 2, 2, 5, 6, 3, 1, 9 }, section);
    }

    [Fact]
    public void AFormat3ImageCutAnywhere_IsRefused()
    {
        var buffer = new byte[ConfigImage.MaxSize];
        int length = ConfigImage.Encode(buffer, Lunch(Delivery()), out _);
        for (int cut = 0; cut < length; cut++)
        {
            Assert.Equal(-1, ConfigImage.TryDecode(buffer, cut, new ConfigValues()));
        }
    }
}
