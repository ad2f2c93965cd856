using System.IO.Ports;
using MealTerminal.Core.Voice;
using MealTerminal.Device.Adapters;
using MealTerminal.Drivers.Voice;

namespace MealTerminal.Device.Tests.Voice;

/// <summary>Voice option B's device adapter against a fake SerialPort: its sending thread, and what a new tap does to a prompt still queued.</summary>
public class UartSpeechPortTests
{
    private readonly SerialPort serial = new(UartSpeechPort.PortName, UartSpeechPort.BaudRate);

    [Fact]
    public void ItOpensThePort_WithAWriteTimeout_SoAStuckUartCannotHoldTheThreadForever()
    {
        _ = new UartSpeechPort(serial);

        Assert.True(serial.IsOpen);
        Assert.Equal(UartSpeechPort.WriteTimeoutMilliseconds, serial.WriteTimeout);
        Assert.Equal("COM3", serial.PortName);
        Assert.Equal(9600, serial.BaudRate);
    }

    [Fact]
    public void APrompt_ReachesTheModule_AsTheStopFrameThenTheSynthesiseFrame()
    {
        var port = new UartSpeechPort(serial);
        port.Start();
        var voice = new TextToSpeechVoice(port, TtsFrames.Syn6288);
        var prompt = new VoicePrompt();
        prompt.Add(Phrase.Count - 1);

        voice.Say(prompt);
        serial.WaitForWrites(1);

        byte[] sent = Assert.Single(serial.Writes);
        Assert.Equal(new byte[] { 0xFD, 0x00, 0x02, 0x02, 0xFD }, sent[..5]); // SYN6288 stop
        Assert.Equal(new byte[] { 0xFD }, sent[5..6]);
        Assert.Equal(0x01, sent[8]); // synthesise
    }

    [Fact]
    public void WhileASendIsUnderway_TheTapReturnsAtOnce_AndTheNewestPromptReplacesTheOneWaiting()
    {
        var port = new UartSpeechPort(serial);
        port.Start();
        serial.Hold(); // the UART is still sending
        port.Write([1, 1, 1], 0, 3);
        serial.WaitForWriteEntered(1);

        port.Write([2, 2], 0, 2); // both return although the thread is stuck in the UART
        port.Write([3], 0, 1);
        serial.Release();
        serial.WaitForWrites(2);

        Assert.Equal(new[] { new byte[] { 1, 1, 1 }, new byte[] { 3 } }, serial.Writes);
        Assert.False(port.SendPending()); // prompt 2 was replaced, never sent
    }

    [Fact]
    public void TheModulesAnswers_AreReadOffBeforeASend_AndTheLastOneKept()
    {
        var port = new UartSpeechPort(serial);
        Assert.Equal(-1, port.LastAnswer);
        foreach (byte b in new byte[] { 0x41, 0x4E, 0x4F })
        {
            serial.Incoming.Enqueue(b);
        }

        port.Write([9], 0, 1);
        Assert.True(port.SendPending());

        Assert.Equal(0x4F, port.LastAnswer);
        Assert.Equal(0, serial.BytesToRead);
    }

    [Fact]
    public void TheTapPath_AllocatesNothing_AndRefusesFramesLongerThanTheLongestPrompt()
    {
        var port = new UartSpeechPort(serial);
        var frame = new byte[UartSpeechPort.MaxFrame];
        port.Write(frame, 0, frame.Length);

        long before = GC.GetAllocatedBytesForCurrentThread();
        port.Write(frame, 0, frame.Length);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Throws<InvalidOperationException>(() => port.Write(new byte[UartSpeechPort.MaxFrame + 1], 0, UartSpeechPort.MaxFrame + 1));
    }
}
