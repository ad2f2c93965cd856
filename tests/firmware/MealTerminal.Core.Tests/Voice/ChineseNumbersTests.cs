using MealTerminal.Core.Tests.Fakes;
using MealTerminal.Core.Voice;

namespace MealTerminal.Core.Tests.Voice;

/// <summary>
/// Amounts and counts read as Mandarin says them. The rules (ChineseNumbers): 两 for a 2 alone or
/// leading before 百/千/万, 二 in tens and units of longer numbers; 十 without 一 at the start;
/// one 零 for any run of missing digits inside a number; 零 between 元 and 分 when there is no 角.
/// </summary>
public class ChineseNumbersTests
{
    [Theory]
    [InlineData(200, "两元")]
    [InlineData(1250, "十二元五角")]
    [InlineData(5, "五分")]
    [InlineData(1000, "十元")]
    [InlineData(10000, "一百元")]
    [InlineData(350, "三元五角")]
    [InlineData(1200, "十二元")]
    [InlineData(0, "零元")]
    [InlineData(305, "三元零五分")]
    [InlineData(355, "三元五角五分")]
    [InlineData(50, "五角")]
    [InlineData(20, "两角")]
    [InlineData(2, "两分")]
    [InlineData(220, "两元两角")]
    [InlineData(2000, "二十元")]
    [InlineData(2200, "二十二元")]
    [InlineData(1100, "十一元")]
    [InlineData(11000, "一百一十元")]
    [InlineData(10500, "一百零五元")]
    [InlineData(10200, "一百零二元")]
    [InlineData(20000, "两百元")]
    [InlineData(100000, "一千元")]
    [InlineData(100500, "一千零五元")]
    [InlineData(120000, "一千二百元")]
    [InlineData(650, "六元五角")]
    [InlineData(1305, "十三元零五分")]
    public void AnAmount_IsReadInYuanJiaoAndFen(int fen, string spoken)
    {
        var prompt = new VoicePrompt();
        ChineseNumbers.AppendYuan(prompt, fen);
        Assert.Equal(spoken, RecordingVoice.Text(prompt));
    }

    [Theory]
    [InlineData(0, "零")]
    [InlineData(1, "一")]
    [InlineData(2, "两")]
    [InlineData(10, "十")]
    [InlineData(19, "十九")]
    [InlineData(20, "二十")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(1001, "一千零一")]
    [InlineData(1010, "一千零一十")]
    [InlineData(2020, "两千零二十")]
    [InlineData(10000, "一万")]
    [InlineData(10010, "一万零一十")]
    [InlineData(20000, "两万")]
    [InlineData(100000, "十万")]
    [InlineData(125000, "十二万五千")]
    [InlineData(1000500, "一百万零五百")]
    [InlineData(99999999, "九千九百九十九万九千九百九十九")]
    public void ACount_IsReadWithOneZeroPerGap(int n, string spoken)
    {
        var prompt = new VoicePrompt();
        ChineseNumbers.AppendCount(prompt, n);
        Assert.Equal(spoken, RecordingVoice.Text(prompt));
    }

    [Fact]
    public void TheLongestAmount_FitsOnePromptAfterTheVerdictAndPleasePay()
    {
        var prompt = new VoicePrompt();
        prompt.Add(Phrase.PleasePay);
        prompt.Add(1);
        ChineseNumbers.AppendYuan(prompt, int.MaxValue / 100 * 100 - 1); // 21,474,835.99 yuan: every place filled
        Assert.InRange(prompt.Count, 20, VoicePrompt.MaxPhrases);
    }

    [Fact]
    public void ANegativeAmount_IsMisuse()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseNumbers.AppendYuan(new VoicePrompt(), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseNumbers.AppendCount(new VoicePrompt(), ChineseNumbers.MaxCount + 1));
    }
}
