using System;
using MealTerminal.Drivers.Rtc;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// The monotonic counter on the ESP32: System.Environment.TickCount64 (nanoFramework.Runtime.Native),
    /// milliseconds since the CLR started, unaffected by SNTP or Rtc.SetSystemTime.
    /// </summary>
    public sealed class TickCounter : IMillisecondCounter
    {
        public long Milliseconds
        {
            get { return Environment.TickCount64; }
        }
    }
}
