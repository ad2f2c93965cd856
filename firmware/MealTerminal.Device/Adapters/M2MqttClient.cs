using System;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using MealTerminal.Core.Sync;
using MealTerminal.Drivers.Uplink;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// IBrokerClient over nanoFramework.M2Mqtt 5.1.204 (MqttClient, with the event and QoS types of
    /// nanoFramework.M2Mqtt.Core). The inflight queue is bounded through MqttSettings, a singleton in
    /// that package shared by every client; BrokerLink refuses publishes before it would be full.
    /// </summary>
    public sealed class M2MqttClient : IBrokerClient
    {
        private readonly MqttClient client;
        private readonly M2MqttUplink owner;
        private readonly MqttEndpoint endpoint;
        private bool disposed;

        public M2MqttClient(MqttEndpoint endpoint, M2MqttUplink owner, int inflightLimit)
        {
            this.endpoint = endpoint;
            this.owner = owner;
            client = new MqttClient(endpoint.Host, endpoint.Port, false, null, null, MqttSslProtocols.None);
            client.Settings.InflightQueueSize = inflightLimit;
            client.MqttMsgPublishReceived += owner.OnMessage;
            client.MqttMsgPublished += owner.OnPublished;
            client.ConnectionClosed += owner.OnClosed;
        }

        public bool IsConnected
        {
            get { return !disposed && client.IsConnected; }
        }

        public bool Connect()
        {
            MqttReasonCode result = client.Connect(endpoint.ClientId, endpoint.User, endpoint.Password, true, MqttQoSLevel.AtLeastOnce, true,
                endpoint.Topics[UplinkChannel.Status], StatusCodec.OfflineWill, true, 60);
            return result == MqttReasonCode.Success;
        }

        public void Subscribe()
        {
            client.Subscribe(endpoint.DownstreamFilters, endpoint.DownstreamLevels);
        }

        public void Publish(int channel, byte[] message)
        {
            MqttQoSLevel qos = channel == UplinkChannel.TimeRequest || channel == UplinkChannel.Fetch ? MqttQoSLevel.AtMostOnce : MqttQoSLevel.AtLeastOnce;
            client.Publish(endpoint.Topics[channel], message, null, null, qos, channel == UplinkChannel.Status);
        }

        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            client.MqttMsgPublishReceived -= owner.OnMessage;
            client.MqttMsgPublished -= owner.OnPublished;
            client.ConnectionClosed -= owner.OnClosed;
            try
            {
                client.Dispose();
            }
            catch (Exception)
            {
                // a client that never connected may fail to close its socket: it is dropped either way
            }
        }
    }
}
