using System;

namespace MealTerminal.Drivers.Uplink
{
    /// <summary>
    /// Wi-Fi and one MQTT connection, with the resource rules nanoFramework.M2Mqtt needs kept in one
    /// place. A failed attempt (refused, CONNACK timeout, failed subscribe) disposes its client, and a
    /// new attempt disposes the dead one first: an undisposed client keeps its socket and receive
    /// thread. Publishes are bounded by InflightLimit (M2Mqtt's inflight queue is unbounded unless
    /// set), counted back by the client's published events, so a slow broker costs a refused
    /// publish, which the sync session sends again, not heap. Wi-Fi is joined (ConnectDhcp, a flash
    /// write) until it first succeeds, and only rejoined afterwards, and only when the link is down.
    /// </summary>
    public sealed class BrokerLink
    {
        private readonly IWifiLink wifi;
        private readonly IBrokerClientFactory factory;
        private readonly object gate = new object();
        private IBrokerClient client;
        private bool joinedOnce;
        private int pending;

        public BrokerLink(IWifiLink wifi, IBrokerClientFactory factory, int inflightLimit)
        {
            this.wifi = wifi;
            this.factory = factory;
            InflightLimit = inflightLimit;
        }

        public int InflightLimit { get; private set; }

        public bool IsConnected
        {
            get
            {
                IBrokerClient current = client;
                return current != null && current.IsConnected;
            }
        }

        /// <summary>One attempt at Wi-Fi and the broker; runs on the uplink's own thread.</summary>
        public bool TryConnect()
        {
            if (!wifi.IsUp)
            {
                bool up = joinedOnce ? wifi.Rejoin() : wifi.Join();
                if (!up)
                {
                    return false;
                }

                joinedOnce = true;
            }

            Replace(null);
            IBrokerClient fresh = factory.Create();
            try
            {
                if (!fresh.Connect())
                {
                    fresh.Dispose();
                    return false;
                }

                fresh.Subscribe();
            }
            catch (Exception)
            {
                fresh.Dispose();
                return false;
            }

            Replace(fresh);
            return true;
        }

        /// <summary>Queues a publish; false when offline or InflightLimit publishes are not yet out.</summary>
        public bool Publish(int channel, byte[] message)
        {
            IBrokerClient current;
            lock (gate)
            {
                current = client;
                if (current == null || !current.IsConnected || pending >= InflightLimit)
                {
                    return false;
                }

                pending++;
            }

            try
            {
                current.Publish(channel, message);
                return true;
            }
            catch (Exception)
            {
                Published();
                return false;
            }
        }

        /// <summary>The client's published event (sent for QoS 0, PUBACK for QoS 1, or given up).</summary>
        public void Published()
        {
            lock (gate)
            {
                if (pending > 0)
                {
                    pending--;
                }
            }
        }

        private void Replace(IBrokerClient next)
        {
            IBrokerClient old;
            lock (gate)
            {
                old = client;
                client = next;
                pending = 0;
            }

            if (old != null)
            {
                old.Dispose();
            }
        }
    }
}
