using MealTerminal.Drivers.Voice;

namespace MealTerminal.Drivers.Tests.Voice;

public class I2sPacerTests
{
    [Fact]
    public void BeforeTheBusIsOpen_NothingWaits()
    {
        Assert.Equal(0, new I2sPacer(768).MillisecondsBefore(128, 0));
    }

    [Fact]
    public void ChunksFit_UntilTheDmaAheadIsFull_ThenTheWaitIsTheTimeToPlayTheExcess()
    {
        var pacer = new I2sPacer(768);
        pacer.Start(8000, 1000);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(0, pacer.MillisecondsBefore(128, 1000));
            pacer.Handed(128);
        }

        Assert.Equal(16, pacer.MillisecondsBefore(128, 1000)); // 128 frames at 8 kHz
        Assert.Equal(6, pacer.MillisecondsBefore(128, 1010)); // 80 played, 48 still too many: 6 ms
        Assert.Equal(0, pacer.MillisecondsBefore(128, 1016));
        Assert.Equal(640, pacer.Queued);
    }

    [Fact]
    public void AfterTheBusRanDry_TheCountStartsAgainFromNow()
    {
        var pacer = new I2sPacer(256);
        pacer.Start(8000, 0);
        pacer.Handed(256);
        Assert.Equal(0, pacer.MillisecondsBefore(256, 5000)); // long silent: played everything
        pacer.Handed(256);
        Assert.Equal(32, pacer.MillisecondsBefore(256, 5000));
    }

    [Fact]
    public void TheWaitRoundsUp_SoAWriteAfterItNeverWaitsInNativeCode()
    {
        var pacer = new I2sPacer(100);
        pacer.Start(16000, 0);
        pacer.Handed(100);
        int wait = pacer.MillisecondsBefore(1, 0); // 1 frame is 0.0625 ms: wait a whole ms
        Assert.Equal(1, wait);
        Assert.Equal(0, pacer.MillisecondsBefore(1, wait));
    }
}
