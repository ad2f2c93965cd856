namespace MealTerminal.Drivers.Rtc
{
    /// <summary>
    /// A counter of milliseconds that only ever moves forward at the rate of real time, whatever is
    /// done to the wall clock (on the ESP32: System.Environment.TickCount64, counted from boot).
    /// </summary>
    public interface IMillisecondCounter
    {
        long Milliseconds { get; }
    }
}
