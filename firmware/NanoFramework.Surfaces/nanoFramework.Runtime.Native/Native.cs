// Reference surface of NuGet package nanoFramework.Runtime.Native 1.7.x (assembly nanoFramework.Runtime.Native).
namespace nanoFramework.Runtime.Native
{
    public static class Rtc
    {
        /// <summary>Sets the system clock (UTC); the way to apply gateway or DS3231 time on the device.</summary>
        public static bool SetSystemTime(System.DateTime time) => throw null;
    }

    public static class Power
    {
        public static void RebootDevice() { }
    }

    public static class GC
    {
        /// <summary>Runs the collector and returns the free managed heap in bytes.</summary>
        public static uint Run(bool compactHeap) => throw null;
    }
}
