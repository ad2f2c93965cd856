using MealTerminal.Drivers.NorFlash;
using MealTerminal.Drivers.Rtc;

namespace MealTerminal.Device.Tests.Fakes;

/// <summary>Simulated milliseconds that move only when the code under test waits, so tests never sleep.</summary>
public sealed class FakeTime : IMillisecondCounter, IDelay
{
    private long microseconds;

    public long Milliseconds => Interlocked.Read(ref microseconds) / 1000;

    public void WaitMicroseconds(int microseconds) => Interlocked.Add(ref this.microseconds, microseconds);
}
