// Reference surface of nanoFramework.M2Mqtt.dll in NuGet package nanoFramework.M2Mqtt 5.1.204, read from
// M2Mqtt/MqttClient.cs and M2Mqtt/MqttSettings.cs in nanoframework/nanoFramework.m2mqtt at tag v5.1.204.
// The events are typed with IMqttClient's nested delegates (nanoFramework.M2Mqtt.Core.dll), so code
// handling them needs that assembly referenced too. MQTT 5 properties, the authentication flow and
// the client's own nested delegates are left out. Declaration-only.
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public class MqttClient : IMqttClient, IDisposable
    {
        public MqttClient(string brokerHostName) { }
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) { }

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;
        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished;
        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed;

        public bool IsConnected => throw null;
        public string ClientId => throw null;
        /// <summary>The process-wide settings (a singleton shared by every client).</summary>
        public MqttSettings Settings => throw null;

        public void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol) { }
        public MqttReasonCode Connect(string clientId) => throw null;
        public MqttReasonCode Connect(string clientId, bool cleanSession) => throw null;
        public MqttReasonCode Connect(string clientId, string username, string password) => throw null;
        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) => throw null;
        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel,
            bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) => throw null;
        public void Disconnect() { }
        public void Close() { }
        public void Dispose() { }

        /// <summary>Returns the message id; throws MqttClientException (InflightQueueFull) when the inflight queue is full.</summary>
        public ushort Publish(string topic, byte[] message) => throw null;
        public ushort Publish(string topic, byte[] message, string contentType) => throw null;
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties) => throw null;
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw null;
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw null;
        public ushort Unsubscribe(string[] topics) => throw null;
    }

    public class MqttSettings
    {
        internal MqttSettings() { }
        public const int BrokerDefaultPort = 1883;
        public const int BrokerDefaultSslPort = 8883;
        public const int DefaultInflightQueueSize = int.MaxValue;
        public static MqttSettings Instance => throw null;
        /// <summary>Unbounded (int.MaxValue) unless set.</summary>
        public int InflightQueueSize { get => throw null; set { } }
    }
}
