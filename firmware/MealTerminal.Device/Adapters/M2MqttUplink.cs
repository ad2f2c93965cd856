using System;
using System.Collections;
using System.Threading;
using MealTerminal.Core.Sync;
using System.Device.Wifi;
using MealTerminal.Drivers.Uplink;
using nanoFramework.Networking;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// The uplink port over nanoFramework.M2Mqtt. Connecting (Wi-Fi and MQTT, both blocking) happens
    /// on this adapter's own thread when UplinkSupervisor says so; the tap path only ever sees
    /// IsConnected and a Publish that queues or returns false. Inbound messages (acks, time, roster
    /// and config offers, chunks) are queued with their channel for the main loop.
    /// </summary>
    public sealed class M2MqttUplink : IUplink
    {
        private const int MaxQueued = 16;
        private readonly UplinkSupervisor supervisor;
        private readonly string host;
        private readonly int port;
        private readonly string clientId;
        private readonly string user;
        private readonly string password;
        private readonly string[] topics;
        private readonly ArrayList inbound = new ArrayList();
        private readonly object gate = new object();
        private readonly object supervisorGate = new object();
        private readonly string wifiSsid;
        private readonly string wifiPassword;
        private MqttClient client;

        public M2MqttUplink(UplinkSupervisor supervisor, string wifiSsid, string wifiPassword, string host, int port, string site, string terminal, string user, string password)
        {
            this.supervisor = supervisor;
            this.wifiSsid = wifiSsid;
            this.wifiPassword = wifiPassword;
            this.host = host;
            this.port = port;
            this.user = user;
            this.password = password;
            clientId = "terminal-" + site + "-" + terminal;
            string root = "meal/v1/" + site + "/" + terminal + "/";
            topics = new string[UplinkChannel.Names.Length];
            for (int i = 0; i < topics.Length; i++)
            {
                topics[i] = i == 0 ? string.Empty : root + UplinkChannel.Names[i];
            }
        }

        public bool IsConnected
        {
            get
            {
                MqttClient current = client;
                return current != null && current.IsConnected;
            }
        }

        public void Start()
        {
            new Thread(KeepConnected).Start();
        }

        public bool Publish(int channel, byte[] payload, int offset, int count)
        {
            MqttClient current = client;
            if (current == null || !current.IsConnected || channel <= 0 || channel >= topics.Length || UplinkChannel.IsDownstream(channel))
            {
                return false;
            }

            byte[] message = new byte[count];
            Array.Copy(payload, offset, message, 0, count);
            try
            {
                MqttQoSLevel qos = channel == UplinkChannel.TimeRequest || channel == UplinkChannel.Fetch ? MqttQoSLevel.AtMostOnce : MqttQoSLevel.AtLeastOnce;
                current.Publish(topics[channel], message, null, null, qos, channel == UplinkChannel.Status);
                return true;
            }
            catch (Exception)
            {
                return false; // queue full or connection gone: the sync session sends again later
            }
        }

        public int TryReceive(byte[] buffer, out int channel)
        {
            channel = 0;
            lock (gate)
            {
                if (inbound.Count == 0)
                {
                    return -1;
                }

                InboundMessage message = (InboundMessage)inbound[0];
                inbound.RemoveAt(0);
                if (message.Payload.Length > buffer.Length)
                {
                    return -1;
                }

                Array.Copy(message.Payload, buffer, message.Payload.Length);
                channel = message.Channel;
                return message.Payload.Length;
            }
        }

        private void KeepConnected()
        {
            while (true)
            {
                bool attempt;
                lock (supervisorGate)
                {
                    attempt = !IsConnected && supervisor.ShouldConnectNow();
                    if (attempt)
                    {
                        supervisor.AttemptStarted();
                    }
                }

                if (attempt)
                {
                    bool connected = TryConnect();
                    lock (supervisorGate)
                    {
                        if (connected)
                        {
                            supervisor.Connected();
                        }
                        else
                        {
                            supervisor.AttemptFailed();
                        }
                    }
                }

                int wait;
                lock (supervisorGate)
                {
                    wait = supervisor.MillisecondsUntilNextAttempt();
                }

                Thread.Sleep(wait < 200 ? 200 : (wait > 2000 ? 2000 : wait));
            }
        }

        private bool TryConnect()
        {
            try
            {
                if (WifiNetworkHelper.Status != NetworkHelperStatus.NetworkIsReady
                    && !WifiNetworkHelper.ConnectDhcp(wifiSsid, wifiPassword, WifiReconnectionKind.Automatic, false, 0, new CancellationTokenSource(20000).Token))
                {
                    return false;
                }

                MqttClient fresh = new MqttClient(host, port, false, null, null, MqttSslProtocols.None);
                fresh.MqttMsgPublishReceived += OnMessage;
                fresh.ConnectionClosed += OnClosed;
                MqttReasonCode result = fresh.Connect(clientId, user, password, true, MqttQoSLevel.AtLeastOnce, true, topics[UplinkChannel.Status], StatusCodec.OfflineWill, true, 60);
                if (result != MqttReasonCode.Success)
                {
                    fresh.Dispose();
                    return false;
                }

                int downstream = 0;
                for (int i = 1; i < topics.Length; i++)
                {
                    downstream += UplinkChannel.IsDownstream(i) ? 1 : 0;
                }

                string[] filters = new string[downstream];
                MqttQoSLevel[] levels = new MqttQoSLevel[downstream];
                for (int i = 1, k = 0; i < topics.Length; i++)
                {
                    if (UplinkChannel.IsDownstream(i))
                    {
                        filters[k] = topics[i];
                        levels[k] = MqttQoSLevel.AtLeastOnce;
                        k++;
                    }
                }

                fresh.Subscribe(filters, levels);
                client = fresh;
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private void OnMessage(object sender, MqttMsgPublishEventArgs e)
        {
            int channel = 0;
            for (int i = 1; i < topics.Length; i++)
            {
                if (UplinkChannel.IsDownstream(i) && e.Topic == topics[i])
                {
                    channel = i;
                }
            }

            if (channel == 0)
            {
                return;
            }

            lock (gate)
            {
                if (inbound.Count < MaxQueued)
                {
                    inbound.Add(new InboundMessage(channel, e.Message));
                }
            }
        }

        private void OnClosed(object sender, EventArgs e)
        {
            lock (supervisorGate)
            {
                supervisor.ConnectionLost();
            }
        }

        private sealed class InboundMessage
        {
            public InboundMessage(int channel, byte[] payload)
            {
                Channel = channel;
                Payload = payload;
            }

            public int Channel { get; private set; }

            public byte[] Payload { get; private set; }
        }
    }
}
