using MealTerminal.Drivers.Voice;

namespace MealTerminal.Drivers.Tests.Voice;

public class VoiceKindTests
{
    [Theory]
    [InlineData(null, VoiceKind.None)]
    [InlineData("none", VoiceKind.None)]
    [InlineData("i2s", VoiceKind.I2sClips)]
    [InlineData("syn6288", VoiceKind.Syn6288)]
    [InlineData("xfs5152", VoiceKind.Xfs5152)]
    public void ProvisioningValue_NamesTheVoice(string? value, int kind)
    {
        Assert.Equal(kind, VoiceKind.Parse(value!, out string error));
        Assert.Null(error);
    }

    [Fact]
    public void UnknownVoice_IsRefusedWithAReason()
    {
        Assert.Equal(-1, VoiceKind.Parse("SYN6288", out string error));
        Assert.Contains("none, i2s, syn6288 or xfs5152", error);
    }

    [Fact]
    public void TheModuleKinds_AreTheFrameModels_TheClipsAreNot()
    {
        Assert.True(VoiceKind.IsModule(VoiceKind.Syn6288));
        Assert.True(VoiceKind.IsModule(VoiceKind.Xfs5152));
        Assert.False(VoiceKind.IsModule(VoiceKind.I2sClips));
        Assert.False(VoiceKind.IsModule(VoiceKind.None));
        Assert.Equal(TtsFrames.Syn6288, VoiceKind.Syn6288);
    }
}
