// Reference surface of NuGet package nanoFramework.System.Device.Wifi 1.5.137 (assembly System.Device.Wifi), read
// from nanoframework/System.Device.Wifi at tag v1.5.137 (System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs):
// only the members our firmware calls. NetworkHelperStatus is System.Net's. Declaration-only.
namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic = 0,
        Manual = 1,
    }
}

namespace nanoFramework.Networking
{
    using System;
    using System.Device.Wifi;
    using System.Threading;

    public static class WifiNetworkHelper
    {
        /// <summary>Set by the helper's own calls only: it stays NetworkIsReady after the link drops.</summary>
        public static NetworkHelperStatus Status => throw null;
        public static Exception HelperException => throw null;
        public static ManualResetEvent NetworkReady => throw null;

        /// <summary>Scans, connects and saves the configuration to flash on every call.</summary>
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw null;

        /// <summary>Waits for the stored configuration to bring the network up again; writes nothing.</summary>
        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw null;

        public static void Disconnect() { }
    }
}
