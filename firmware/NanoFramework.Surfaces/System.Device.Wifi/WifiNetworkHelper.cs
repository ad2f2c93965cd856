// Mirrors nanoFramework.System.Device.Wifi 1.5.x, read from nanoframework/System.Device.Wifi
// (System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs): only the members our firmware calls.
// Enum member values are not checked, only names. Declaration-only.
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

    public enum NetworkHelperStatus
    {
        None = 0,
        Started = 1,
        NetworkIsReady = 2,
        FailedNoNetworkInterface = 3,
        ExceptionOccurred = 4,
        TokenExpiredWaitingIPAddress = 5,
        TokenExpiredWaitingDateTime = 6,
        ErrorConnetingToWiFiWhileScanning = 7,
    }

    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status => throw null;
        public static Exception HelperException => throw null;

        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw null;

        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw null;

        public static void Disconnect() { }
    }
}
