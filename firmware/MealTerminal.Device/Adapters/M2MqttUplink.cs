using System;
using System.Collections;
using System.Threading;
using MealTerminal.Core.Sync;
using MealTerminal.Drivers.Uplink;
using nanoFramework.M2Mqtt.Messages;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// The uplink port over nanoFramework.M2Mqtt. Connecting (Wi-Fi and MQTT, both blocking) happens on
    /// this adapter's own thread when UplinkSupervisor says so, through BrokerLink, which disposes
    /// failed clients, bounds the inflight queue and joins Wi-Fi only when needed (host-tested). The
    /// tap path only ever sees IsConnected and a Publish that queues or returns false. Inbound
    /// messages (acks, time, roster and config offers, chunks) are queued with their channel for the
    /// main loop. Publishes a closed connection drops are sent again by the sync session, which
    /// resends from its cursor after every reconnect.
    /// </summary>
    public sealed class M2MqttUplink : IUplink, IBrokerClientFactory
    {
        private const int MaxQueued = 16;
        private const int InflightLimit = 8;
        private readonly UplinkSupervisor supervisor;
        private readonly MqttEndpoint endpoint;
        private readonly BrokerLink link;
        private readonly ArrayList inbound = new ArrayList();
        private readonly object gate = new object();
        private readonly object supervisorGate = new object();

        public M2MqttUplink(UplinkSupervisor supervisor, IWifiLink wifi, MqttEndpoint endpoint)
        {
            this.supervisor = supervisor;
            this.endpoint = endpoint;
            link = new BrokerLink(wifi, this, InflightLimit);
        }

        public bool IsConnected
        {
            get { return link.IsConnected; }
        }

        public void Start()
        {
            new Thread(KeepConnected).Start();
        }

        public IBrokerClient Create()
        {
            return new M2MqttClient(endpoint, this, InflightLimit);
        }

        public bool Publish(int channel, byte[] payload, int offset, int count)
        {
            if (channel <= 0 || channel >= endpoint.Topics.Length || UplinkChannel.IsDownstream(channel) || !link.IsConnected)
            {
                return false;
            }

            byte[] message = new byte[count];
            Array.Copy(payload, offset, message, 0, count);
            return link.Publish(channel, message);
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

        internal void OnMessage(object sender, MqttMsgPublishEventArgs e)
        {
            int channel = 0;
            for (int i = 1; i < endpoint.Topics.Length; i++)
            {
                if (UplinkChannel.IsDownstream(i) && e.Topic == endpoint.Topics[i])
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

        internal void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            link.Published();
        }

        internal void OnClosed(object sender, EventArgs e)
        {
            lock (supervisorGate)
            {
                supervisor.ConnectionLost();
            }
        }

        private void KeepConnected()
        {
            while (true)
            {
                bool attempt;
                lock (supervisorGate)
                {
                    attempt = !link.IsConnected && supervisor.ShouldConnectNow();
                    if (attempt)
                    {
                        supervisor.AttemptStarted();
                    }
                }

                if (attempt)
                {
                    bool connected = link.TryConnect();
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
