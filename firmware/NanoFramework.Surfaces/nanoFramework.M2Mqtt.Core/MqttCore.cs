// Reference surface of nanoFramework.M2Mqtt.Core.dll, the second assembly of NuGet package
// nanoFramework.M2Mqtt 5.1.204, read from nanoFramework.M2Mqtt.Core/ in nanoframework/nanoFramework.m2mqtt
// at tag v5.1.204. The client interface with its nested event delegates, the QoS and reason-code
// enums and the publish event arguments live here, not in nanoFramework.M2Mqtt.dll. The subscribe
// and unsubscribe event arguments and UserProperty are left out. Declaration-only.
using System;
using System.Collections;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols { None = 0, SSLv3 = 1, TLSv1_0 = 2, TLSv1_1 = 3, TLSv1_2 = 4, TLSv1_3 = 5 }

    public interface IMqttClient
    {
        bool IsConnected { get; }
        void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol);
        MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel,
            bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod);
        void Disconnect();
        ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels);
        ushort Unsubscribe(string[] topics);
        ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain);
        ushort Publish(string topic, byte[] message, string contentType);
        ushort Publish(string topic, byte[] message);
        void Close();

        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);
        event MqttMsgPublishEventHandler MqttMsgPublishReceived;
        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);
        event MqttMsgPublishedEventHandler MqttMsgPublished;
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);
        event ConnectionClosedEventHandler ConnectionClosed;
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel { AtMostOnce = 0x00, AtLeastOnce = 0x01, ExactlyOnce = 0x02, GrantedFailure = 0x80 }

    /// <summary>CONNACK/DISCONNECT reason codes (MQTT 5) and MQTT 3.1.1 return codes, as the package declares them.</summary>
    public enum MqttReasonCode
    {
        Success = 0x00, NormalDisconnection = 0x00, GrantedQoS0 = 0x00, GrantedQoS1 = 0x01, GrantedQoS2 = 0x02,
        DisconnectWithWillMessage = 0x04, NoMatchingSubscribers = 0x10, NoSubscriptionExisted = 0x11,
        ContinueAuthentication = 0x18, ReAuthenticate = 0x19, UnspecifiedError = 0x80, MalformedPacket = 0x81,
        ProtocolError = 0x82, ImplementationSpecificError = 0x83, UnsupportedProtocolVersion = 0x84,
        ClientIdentifierNotValid = 0x85, BadUserNameOrPassword = 0x86, NotAuthorized = 0x87, ServerUnavailable = 0x88,
        ServerBusy = 0x89, Banned = 0x8A, ServeShuttingDown = 0x8B, BadAuthenticationMethod = 0x8C,
        KeepAliveTimeout = 0x8D, SessionTakenOver = 0x8E, TopicFilterInvalid = 0x8F, TopicNameInvalid = 0x90,
        PacketIdentifierInUse = 0x91, PacketIdentifierNotFound = 0x92, ReceiveMaximumExceeded = 0x93,
        TopicAliasInvalid = 0x94, PacketTooLarge = 0x95, MessageRateTooHigh = 0x96, QuotaExceeded = 0x97,
        AdministrativeAction = 0x98, PayloadFormatInvalid = 0x99, RetainNotSupported = 0x9A, QoSNotSupported = 0x9B,
        UseAnotherServer = 0x9C, ServerMoved = 0x9D, SharedSubscriptionsNotSupported = 0x9E,
        ConnectionRateExceeded = 0x9F, MaximumConnectTime = 0xA0, SubscriptionIdentifiersNotSupported = 0xA1,
        WildcardSubscriptionsNotSupported = 0xA2, ConnectionRefusedUnacceptableProtocolVersion = 0x01,
        ConnectionRefusedIdentifierRejected = 0x02, ConnectionRefusedServerUnavailable = 0x03,
        ConnectionRefusedBadUserNameOrPassword = 0x04, ConnectionRefusedNotAuthorized = 0x05,
    }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) { }
        public string Topic { get => throw null; internal set { } }
        public byte[] Message { get => throw null; internal set { } }
        public bool DupFlag { get => throw null; internal set { } }
        public MqttQoSLevel QosLevel { get => throw null; internal set { } }
        public bool Retain { get => throw null; internal set { } }
    }

    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public MqttMsgPublishedEventArgs(ushort messageId) { }
        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished) { }
        public ushort MessageId { get => throw null; set { } }
        public bool IsPublished { get => throw null; set { } }
    }
}
