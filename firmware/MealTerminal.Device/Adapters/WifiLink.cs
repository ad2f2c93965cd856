using System.Net.NetworkInformation;
using System.Device.Wifi;
using System.Threading;
using MealTerminal.Drivers.Uplink;
using nanoFramework.Networking;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// IWifiLink over System.Device.Wifi 1.5.137 and System.Net 1.11.46. Whether the link is up comes
    /// from NetworkChange.NetworkAvailabilityChanged, raised by the native stack; WifiNetworkHelper.Status
    /// is only what the helper's own last call saw and stays NetworkIsReady after a drop.
    /// </summary>
    public sealed class WifiLink : IWifiLink
    {
        private const int JoinTimeoutMilliseconds = 20000;
        private readonly string ssid;
        private readonly string password;
        private bool up;

        public WifiLink(string ssid, string password)
        {
            this.ssid = ssid;
            this.password = password;
            NetworkChange.NetworkAvailabilityChanged += OnAvailabilityChanged;
        }

        public bool IsUp
        {
            get { return up; }
        }

        public bool Join()
        {
            up = WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, false, 0, new CancellationTokenSource(JoinTimeoutMilliseconds).Token);
            return up;
        }

        public bool Rejoin()
        {
            up = WifiNetworkHelper.Reconnect(false, 0, new CancellationTokenSource(JoinTimeoutMilliseconds).Token);
            return up;
        }

        private void OnAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            up = e.IsAvailable;
        }
    }
}
