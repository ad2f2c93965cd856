// Reference surface of NuGet package nanoFramework.M2Mqtt 5.1.x (assembly nanoFramework.M2Mqtt), from
// M2Mqtt/MqttClient.cs in nanoframework/nanoFramework.m2mqtt. MQTT 3.1.1 use only: the v5 properties,
// authentication flow and Unsubscribe are left out. Subscribe to events with method groups.
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols { None = 0 }

    public class MqttClient : IDisposable
    {
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);
        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        public MqttClient(string brokerHostName) { }
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) { }

        public event MqttMsgPublishEventHandler MqttMsgPublishReceived;
        public event MqttMsgPublishedEventHandler MqttMsgPublished;
        public event ConnectionClosedEventHandler ConnectionClosed;

        public bool IsConnected => throw null;
        public string ClientId => throw null;

        public MqttReasonCode Connect(string clientId) => throw null;
        public MqttReasonCode Connect(string clientId, bool cleanSession) => throw null;
        public MqttReasonCode Connect(string clientId, string username, string password) => throw null;
        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) => throw null;
        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel,
            bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) => throw null;
        public void Disconnect() { }
        public void Close() { }
        public void Dispose() { }

        /// <summary>Returns the message id; queues the message (throws when the inflight queue is full).</summary>
        public ushort Publish(string topic, byte[] message) => throw null;
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw null;
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw null;
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel : byte { AtMostOnce = 0x00, AtLeastOnce = 0x01, ExactlyOnce = 0x02 }

    /// <summary>CONNACK return code; only Success is declared (compare against it).</summary>
    public enum MqttReasonCode : byte { Success = 0x00 }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) { }
        public string Topic => throw null;
        public byte[] Message => throw null;
        public bool DupFlag => throw null;
        public MqttQoSLevel QosLevel => throw null;
        public bool Retain => throw null;
    }

    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished) { }
        public ushort MessageId => throw null;
        public bool IsPublished => throw null;
    }
}
