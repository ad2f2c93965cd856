using System.Text;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Voice;
using MealTerminal.Drivers.Voice;

namespace MealTerminal.Drivers.Tests.Voice;

public class TextToSpeechVoiceTests
{
    private sealed class Uart : IUartPort
    {
        public List<byte[]> Writes { get; } = new();

        public void Write(byte[] buffer, int offset, int count) => Writes.Add(buffer[offset..(offset + count)]);
    }

    private static Encoding Gb2312
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB2312");
        }
    }

    [Fact]
    public void TheGb2312Table_IsTheEncodingOfEveryPhrasesText()
    {
        Assert.Equal(Phrase.Count, Gb2312Phrases.Count);
        for (int p = 1; p < Phrase.Count; p++)
        {
            Assert.Equal(Gb2312.GetBytes(PhraseText.Of(p)), Gb2312Phrases.Of(p));
        }
    }

    [Fact]
    public void Syn6288_GetsAStopThenTheTextWithAVolumeTag_CheckedByXor()
    {
        var uart = new Uart();
        var prompt = new VoicePrompt { Volume = 50 };
        VerdictPrompts.ForTap(prompt, VerdictCode.Accepted, 350);
        new TextToSpeechVoice(uart, TtsFrames.Syn6288).Say(prompt);

        byte[] sent = Assert.Single(uart.Writes);
        Assert.Equal(new byte[] { 0xFD, 0x00, 0x02, 0x02, 0xFD }, sent[..5]); // the datasheet's stop frame
        byte[] text = [.. "[v8]"u8, .. Gb2312.GetBytes("登记成功请付三元五角")];
        byte[] synth = sent[5..];
        Assert.Equal(new byte[] { 0xFD, 0x00, (byte)(text.Length + 3), 0x01, 0x00 }, synth[..5]);
        Assert.Equal(text, synth[5..^1]);
        Assert.Equal(synth[..^1].Aggregate((byte)0, (x, b) => (byte)(x ^ b)), synth[^1]);
    }

    [Fact]
    public void Xfs5152_GetsItsOwnStop_AndAFrameWithoutChecksum()
    {
        var uart = new Uart();
        var prompt = new VoicePrompt { Volume = 100 };
        VerdictPrompts.ForTap(prompt, VerdictCode.AlreadyEaten, VerdictPrompts.NoAmount);
        new TextToSpeechVoice(uart, TtsFrames.Xfs5152).Say(prompt);

        byte[] sent = Assert.Single(uart.Writes);
        Assert.Equal(new byte[] { 0xFD, 0x00, 0x01, 0x02 }, sent[..4]);
        byte[] text = [.. "[v10]"u8, .. Gb2312.GetBytes("本餐已用过，每餐限用一次")];
        Assert.Equal(new byte[] { 0xFD, 0x00, (byte)(text.Length + 2), 0x01, 0x00 }, sent[4..9]);
        Assert.Equal(text, sent[9..]);
    }

    [Fact]
    public void TheLongestPrompt_FitsOneFrame()
    {
        var uart = new Uart();
        var prompt = new VoicePrompt();
        VerdictPrompts.ForTap(prompt, VerdictCode.AcceptedStorageLow, 99999999 - 1);
        new TextToSpeechVoice(uart, TtsFrames.Syn6288).Say(prompt);
        int expected = "[v13]".Length + Enumerable.Range(0, prompt.Count).Sum(i => Gb2312Phrases.Of(prompt[i]).Length);
        Assert.Equal(expected + 3, uart.Writes[0][5 + 2]);
        Assert.InRange(expected, 1, TtsFrames.MaxText);
    }
}
