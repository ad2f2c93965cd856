namespace MealTerminal.Drivers.Uplink
{
    /// <summary>One MQTT client connection (nanoFramework.M2Mqtt's MqttClient on the device).</summary>
    public interface IBrokerClient
    {
        bool IsConnected { get; }

        /// <summary>CONNECT and wait for CONNACK: false when refused; may throw (CONNACK timeout, socket).</summary>
        bool Connect();

        /// <summary>SUBSCRIBE to the terminal's downstream topics; may throw.</summary>
        void Subscribe();

        /// <summary>Queues a PUBLISH in the client's inflight queue; throws when the client refuses it.</summary>
        void Publish(int channel, byte[] message);

        /// <summary>Closes the socket and stops the client's threads. Safe to call twice.</summary>
        void Dispose();
    }

    /// <summary>Makes a fresh client for each connection attempt.</summary>
    public interface IBrokerClientFactory
    {
        IBrokerClient Create();
    }
}
