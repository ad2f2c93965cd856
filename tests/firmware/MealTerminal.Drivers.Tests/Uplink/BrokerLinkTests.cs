using MealTerminal.Drivers.Uplink;

namespace MealTerminal.Drivers.Tests.Uplink;

/// <summary>
/// Issue #15, M2Mqtt and Wi-Fi as the real packages behave: a failed Connect (CONNACK timeout throws)
/// left the client's socket and receive thread alive unless disposed; the inflight queue is unbounded
/// by default; ConnectDhcp writes flash on every call, and WifiNetworkHelper.Status stays
/// NetworkIsReady after the link drops, so the adapter never rejoined.
/// </summary>
public class BrokerLinkTests
{
    private readonly FakeWifi _wifi = new();
    private readonly FakeBroker _broker = new();

    private BrokerLink Link(int inflightLimit = 4) => new(_wifi, _broker, inflightLimit);

    [Fact]
    public void ARefusedConnect_DisposesItsClient()
    {
        _broker.Next = c => c.Refuse = true;

        Assert.False(Link().TryConnect());
        Assert.True(_broker.Made.Single().Disposed);
    }

    [Fact]
    public void AConnackTimeout_DisposesItsClient()
    {
        _broker.Next = c => c.ThrowOnConnect = true;

        Assert.False(Link().TryConnect());
        Assert.True(_broker.Made.Single().Disposed);
    }

    [Fact]
    public void AFailedSubscribe_DisposesItsClient()
    {
        _broker.Next = c => c.ThrowOnSubscribe = true;

        Assert.False(Link().TryConnect());
        Assert.True(_broker.Made.Single().Disposed);
    }

    [Fact]
    public void AReconnectAfterTheConnectionDied_DisposesTheDeadClientFirst()
    {
        var link = Link();
        Assert.True(link.TryConnect());
        _broker.Made[0].Connected = false;

        Assert.True(link.TryConnect());

        Assert.True(_broker.Made[0].Disposed);
        Assert.False(_broker.Made[1].Disposed);
        Assert.True(link.IsConnected);
    }

    [Fact]
    public void WifiIsJoinedOnce_AndOnlyRejoinedWhenTheLinkIsReportedDown()
    {
        var link = Link();
        link.TryConnect();
        _broker.Made[0].Connected = false;
        link.TryConnect(); // broker lost, link still up: no Wi-Fi call at all
        _wifi.Up = false;
        _broker.Made[1].Connected = false;
        link.TryConnect();

        Assert.Equal(1, _wifi.Joins);
        Assert.Equal(1, _wifi.Rejoins);
    }

    [Fact]
    public void AFailedFirstJoin_IsTriedAgainAsAJoin_ForThereIsNoStoredConfigurationYet()
    {
        _wifi.JoinWorks = false;
        var link = Link();
        Assert.False(link.TryConnect());
        _wifi.JoinWorks = true;

        Assert.True(link.TryConnect());
        Assert.Equal(2, _wifi.Joins);
        Assert.Equal(0, _wifi.Rejoins);
    }

    [Fact]
    public void PublishesBeyondTheInflightLimit_AreRefused_UntilOneIsOut()
    {
        var link = Link(inflightLimit: 2);
        link.TryConnect();

        Assert.True(link.Publish(1, [1]));
        Assert.True(link.Publish(1, [2]));
        Assert.False(link.Publish(1, [3]));
        link.Published();

        Assert.True(link.Publish(1, [4]));
        Assert.Equal(3, _broker.Made[0].Published.Count);
    }

    [Fact]
    public void APublishTheClientRefuses_IsFalse_AndDoesNotHoldAnInflightSlot()
    {
        var link = Link(inflightLimit: 1);
        link.TryConnect();
        _broker.Made[0].ThrowOnPublish = true;
        Assert.False(link.Publish(1, [1]));
        _broker.Made[0].ThrowOnPublish = false;

        Assert.True(link.Publish(1, [2]));
    }

    [Fact]
    public void Offline_PublishIsFalse()
    {
        Assert.False(Link().Publish(1, [1]));
    }

    private sealed class FakeWifi : IWifiLink
    {
        public bool Up { get; set; }
        public bool JoinWorks { get; set; } = true;
        public int Joins { get; private set; }
        public int Rejoins { get; private set; }
        public bool IsUp => Up;

        public bool Join()
        {
            Joins++;
            Up = JoinWorks;
            return JoinWorks;
        }

        public bool Rejoin()
        {
            Rejoins++;
            Up = true;
            return true;
        }
    }

    private sealed class FakeBroker : IBrokerClientFactory
    {
        public List<FakeClient> Made { get; } = new();
        public Action<FakeClient>? Next { get; set; }

        public IBrokerClient Create()
        {
            var client = new FakeClient();
            Next?.Invoke(client);
            Next = null;
            Made.Add(client);
            return client;
        }
    }

    private sealed class FakeClient : IBrokerClient
    {
        public bool Refuse { get; set; }
        public bool ThrowOnConnect { get; set; }
        public bool ThrowOnSubscribe { get; set; }
        public bool ThrowOnPublish { get; set; }
        public bool Connected { get; set; }
        public bool Disposed { get; private set; }
        public List<byte[]> Published { get; } = new();
        public bool IsConnected => Connected && !Disposed;

        public bool Connect()
        {
            if (ThrowOnConnect)
            {
                throw new TimeoutException("no CONNACK");
            }

            Connected = !Refuse;
            return Connected;
        }

        public void Subscribe()
        {
            if (ThrowOnSubscribe)
            {
                throw new InvalidOperationException("socket closed");
            }
        }

        public void Publish(int channel, byte[] message)
        {
            if (ThrowOnPublish)
            {
                throw new InvalidOperationException("inflight queue full");
            }

            Published.Add(message);
        }

        public void Dispose() => Disposed = true;
    }
}
