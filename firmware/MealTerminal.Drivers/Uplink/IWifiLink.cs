namespace MealTerminal.Drivers.Uplink
{
    /// <summary>The station's Wi-Fi link as the uplink needs it (nanoFramework's WifiNetworkHelper on the device).</summary>
    public interface IWifiLink
    {
        /// <summary>
        /// Whether the link is up now, as the network stack last reported it (NetworkChange events on
        /// the device; WifiNetworkHelper.Status is not it: it stays NetworkIsReady after a drop).
        /// </summary>
        bool IsUp { get; }

        /// <summary>Scan, join and store the configuration (ConnectDhcp: writes flash on every call).</summary>
        bool Join();

        /// <summary>Wait for the stored configuration to bring the link back (Reconnect: writes nothing).</summary>
        bool Rejoin();
    }
}
