using MealTerminal.Drivers.Voice;

namespace MealTerminal.Drivers.Tests.Voice;

public class I2sAudioRingTests
{
    [Fact]
    public void Samples_LeaveAs16BitStereo_InOrder_AcrossTheRingsEnd()
    {
        var ring = new I2sAudioRing(4);
        ring.Restart(8000);
        ring.Write([128, 255, 0], 0, 3);
        var frames = new byte[8];
        Assert.Equal(8, ring.Drain(frames));
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0x00, 0x7F, 0x00, 0x7F }, frames);
        ring.Write([1, 2, 3], 0, 3); // wraps
        Assert.Equal(0, ring.Room);
        var rest = new byte[16];
        Assert.Equal(16, ring.Drain(rest));
        Assert.Equal(new byte[] { 0x00, 0x80, 0x00, 0x80 }, rest[..4]); // sample 0 is full negative scale
        Assert.Equal((short)((3 - 128) << 8), BitConverter.ToInt16(rest, 12));
    }

    [Fact]
    public void Restart_DropsWhatWasQueued_SoANewTapIsHeardAtOnce()
    {
        var ring = new I2sAudioRing(16);
        ring.Restart(8000);
        ring.Write(new byte[10], 0, 10);
        ring.Restart(16000);
        Assert.Equal(16, ring.Room);
        Assert.Equal(16000, ring.SampleRate);
        Assert.Equal(2, ring.Generation);
        Assert.Equal(0, ring.Drain(new byte[64]));
    }

    [Fact]
    public void WritingMoreThanTheRoom_IsMisuse()
    {
        var ring = new I2sAudioRing(4);
        Assert.Throws<InvalidOperationException>(() => ring.Write(new byte[5], 0, 5));
    }
}
