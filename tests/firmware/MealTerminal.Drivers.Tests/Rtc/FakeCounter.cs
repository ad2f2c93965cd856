using MealTerminal.Drivers.Rtc;

namespace MealTerminal.Drivers.Tests.Rtc;

/// <summary>The monotonic millisecond counter, set by the test.</summary>
internal sealed class FakeCounter : IMillisecondCounter
{
    public long Milliseconds { get; set; }
}
