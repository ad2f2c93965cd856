using MealGateway.Downloads;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Voice;

namespace MealGateway.Tests.Downloads;

public class VoiceConfigTextTests
{
    private const string Periods = "餐别 = 午餐 11:00-13:30 1\n";

    [Fact]
    public void VolumeAndSilentHours_TravelInTheExtensionSection_AndTheTerminalReadsThemBack()
    {
        var values = ConfigText.TryParse(Periods + "音量 = 60\n静音时段 = 21:30-06:45\n", "config.txt", out var problems);
        Assert.Empty(problems);
        var buffer = new byte[ConfigImage.MaxSize];
        int length = ConfigImage.Encode(buffer, values!, out string problem);
        Assert.Null(problem);
        var read = new ConfigValues();
        Assert.Equal(length, ConfigImage.TryDecode(buffer, length, read));

        var settings = new VoiceSettings();
        settings.Apply(read.Extensions);
        Assert.Equal(60, settings.Volume);
        Assert.True(settings.IsSilentAt(23 * 60));
        Assert.True(settings.IsSilentAt(6 * 60));
        Assert.False(settings.IsSilentAt((6 * 60) + 45));
        Assert.False(settings.IsSilentAt(12 * 60));
    }

    [Theory]
    [InlineData("音量 = 101", "第 2 行: 音量应为 0 到 100 的整数")]
    [InlineData("音量 = -1", "第 2 行: 音量应为 0 到 100 的整数")]
    [InlineData("音量 = 大", "第 2 行: 音量应为 0 到 100 的整数")]
    [InlineData("静音时段 = 21:00", "第 2 行: 静音时段应为 '开始-结束'")]
    [InlineData("静音时段 = 21:00-21:00", "第 2 行: 静音时段应为 '开始-结束'")]
    [InlineData("静音时段 = 25:00-07:00", "第 2 行: 静音时段应为 '开始-结束'")]
    public void ABadVoiceSetting_RefusesTheFileWithItsLine(string line, string reason)
    {
        Assert.Null(ConfigText.TryParse(Periods + line + "\n", "config.txt", out var problems));
        Assert.Contains(problems, p => p.Contains(reason));
    }

    [Fact]
    public void AFileWithoutVoiceSettings_KeepsTheDefaults()
    {
        var values = ConfigText.TryParse(Periods, "config.txt", out _);
        var settings = new VoiceSettings();
        settings.Apply(values!.Extensions);
        Assert.Equal(VoiceSettings.DefaultVolume, settings.Volume);
        Assert.False(settings.IsSilentAt(0));
    }
}
