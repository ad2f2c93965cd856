using MealTerminal.Drivers.NorFlash;

namespace MealTerminal.Drivers.Tests.NorFlash;

/// <summary>Simulated microseconds: the driver's waits advance it, the fake chip reads it.</summary>
public sealed class FakeTime : IDelay
{
    public long NowMicroseconds { get; set; }

    public long TotalWaited { get; private set; }

    public void WaitMicroseconds(int microseconds)
    {
        NowMicroseconds += microseconds;
        TotalWaited += microseconds;
    }
}
