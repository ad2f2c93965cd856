// Reference surface of NuGet package nanoFramework.Runtime.Native 1.7.11 (assembly nanoFramework.Runtime.Native),
// read from nanoframework/nanoFramework.Runtime.Native at tag v1.7.11. System.Environment lives in this
// assembly, not in mscorlib: TickCount64 is the device's monotonic millisecond counter since boot.
// Execution constraints and SystemInfo are left out. Declaration-only.
namespace nanoFramework.Runtime.Native
{
    public static class Rtc
    {
        /// <summary>Sets the system clock (UTC); the way to apply gateway or DS3231 time on the device.</summary>
        public static bool SetSystemTime(System.DateTime time) => throw null;
    }

    public enum RebootOption { NormalReboot = 0, EnterNanoBooter = 1, ClrOnly = 2, EnterProprietaryBooter = 8 }

    public delegate void RebootEventHandler();

    public class Power
    {
        public static event RebootEventHandler OnRebootEvent;
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) { }
        public static void RebootDevice(int exeConstraintTimeout, RebootOption rebootOption = RebootOption.NormalReboot) { }
    }

    public static class GC
    {
        /// <summary>Runs the collector and returns the free managed heap in bytes.</summary>
        public static uint Run(bool compactHeap) => throw null;
        public static void EnableGCMessages(bool enable) { }
    }
}

namespace System
{
    public static partial class Environment
    {
        /// <summary>Milliseconds since the device booted; never stepped by SNTP or Rtc.SetSystemTime.</summary>
        public static long TickCount64 => throw null;
    }
}
