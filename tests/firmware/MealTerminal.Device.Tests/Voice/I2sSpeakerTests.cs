using System.Device.I2s;
using MealTerminal.Device.Adapters;
using MealTerminal.Device.Tests.Fakes;
using MealTerminal.Drivers.Voice;

namespace MealTerminal.Device.Tests.Voice;

/// <summary>
/// Voice option A's device adapter against a fake I2S bus: its playback thread, the bus settings it
/// opens, and a new tap cutting the old prompt short while the bus is busy. One class, because
/// every I2sDevice writes to the one static fake bus.
/// </summary>
public class I2sSpeakerTests
{
    private readonly FakeI2sBus bus = new();
    private readonly FakeTime time = new();

    public I2sSpeakerTests()
    {
        I2sDevice.Bus = bus;
        bus.Now = () => time.Milliseconds;
    }

    [Fact]
    public void PromptSamples_ReachTheBus_As16BitStereo_OnBus1_AtThePacksRate()
    {
        var speaker = new I2sSpeaker(new I2sAudioRing(4096), time, time);
        speaker.Start();

        speaker.Restart(8000);
        speaker.Write([128, 255, 0], 0, 3);
        bus.WaitForBytes(12);

        Assert.Equal(new byte[] { 0, 0, 0, 0, 0x00, 0x7F, 0x00, 0x7F, 0x00, 0x80, 0x00, 0x80 }, bus.Bytes);
        var settings = Assert.Single(bus.Devices).ConnectionSettings;
        Assert.Equal(1, settings.BusId);
        Assert.Equal(I2sMode.Master | I2sMode.Tx, settings.Mode);
        Assert.Equal(I2sBitsPerSample.Bit16, settings.BitsPerSample);
        Assert.Equal(I2sChannelFormat.RightLeft, settings.ChannelFormat);
        Assert.Equal(I2sCommunicationFormat.I2S, settings.CommunicationFormat);
        Assert.Equal(8000, settings.SampleRate);
        Assert.Equal(I2sSpeaker.DmaBytes, settings.BufferSize);
    }

    [Fact]
    public void ANewTap_CutsThePromptShort_WhileTheBusIsStillBusy_AndNeverWaitsForIt()
    {
        var speaker = new I2sSpeaker(new I2sAudioRing(4096), time, time);
        speaker.Start();
        bus.Hold(); // the DMA buffers are full: the thread's write waits
        speaker.Restart(8000);
        speaker.Write(Enumerable.Repeat((byte)10, 1024).ToArray(), 0, 1024);
        bus.WaitForWriteEntered(1); // the thread took one chunk and is stuck in the bus

        speaker.Restart(8000); // the next tap: returns although the bus is still busy
        speaker.Write(Enumerable.Repeat((byte)200, 100).ToArray(), 0, 100);
        bus.Release();

        int chunk = I2sSpeaker.ChunkBytes / I2sAudioRing.FrameBytes;
        bus.WaitForBytes((chunk + 100) * I2sAudioRing.FrameBytes);
        short[] samples = Samples(bus.Bytes);
        Assert.Equal(chunk + 100, samples.Length); // the old prompt's other 896 samples were never played
        Assert.All(samples[..chunk], s => Assert.Equal((10 - 128) << 8, s));
        Assert.All(samples[chunk..], s => Assert.Equal((200 - 128) << 8, s));
    }

    [Fact]
    public void TheThread_NeverHandsTheBusMoreThanItsDmaTakes_SoNoWriteWaitsInNativeCode()
    {
        // On the ESP32 a write that finds the DMA full waits in native code, freezing every managed
        // thread (the main loop and its taps too): the speaker must sleep instead, until a chunk fits.
        var speaker = new I2sSpeaker(new I2sAudioRing(4096), time, time);
        speaker.Start();
        speaker.Restart(8000);
        speaker.Write(new byte[4000], 0, 4000); // half a second of audio
        bus.WaitForBytes(4000 * I2sAudioRing.FrameBytes);

        long handed = 0;
        foreach (var (milliseconds, bytes) in bus.Writes)
        {
            handed += bytes / I2sAudioRing.FrameBytes;
            long played = milliseconds * 8000 / 1000;
            Assert.True(handed - played <= I2sSpeaker.AheadFrames, $"{handed - played} frames ahead of the bus at {milliseconds} ms");
        }

        Assert.InRange(time.Milliseconds, 500 - 100, 500); // it waited about as long as the audio plays, less what the DMA holds
    }

    [Fact]
    public void APackWithAnotherRate_ReopensTheBusAtThatRate()
    {
        var speaker = new I2sSpeaker(new I2sAudioRing(4096), time, time);
        speaker.Start();
        speaker.Restart(8000);
        speaker.Write([1, 2], 0, 2);
        bus.WaitForBytes(8);
        speaker.Restart(16000);
        speaker.Write([3, 4], 0, 2);
        bus.WaitForBytes(16);

        Assert.Equal(2, bus.Devices.Count);
        Assert.True(bus.Devices[0].Disposed);
        Assert.Equal(16000, bus.Devices[1].ConnectionSettings.SampleRate);
        Assert.Equal(16000, speaker.BusRate);
    }

    [Fact]
    public void TheTapPath_AllocatesNothing_AndRoomIsTheRings()
    {
        var speaker = new I2sSpeaker(new I2sAudioRing(64), time, time); // not started: the main loop's side alone
        var samples = new byte[16];
        speaker.Restart(8000);
        speaker.Write(samples, 0, 16);

        long before = GC.GetAllocatedBytesForCurrentThread();
        speaker.Restart(8000);
        speaker.Write(samples, 0, 16);
        int room = speaker.Room;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(48, room);
    }

    private static short[] Samples(byte[] frames)
    {
        var left = new short[frames.Length / I2sAudioRing.FrameBytes];
        for (int i = 0; i < left.Length; i++)
        {
            left[i] = BitConverter.ToInt16(frames, i * I2sAudioRing.FrameBytes);
            Assert.Equal(left[i], BitConverter.ToInt16(frames, (i * I2sAudioRing.FrameBytes) + 2)); // right = left
        }

        return left;
    }
}
