using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace MealGateway.Broker;

/// <summary>
/// The MQTT broker the gateway runs by default (MQTTnet's server on the loopback or all
/// interfaces), so a meal point needs no separate broker installation. Every client logs in:
/// terminals with their provisioned credential and client id "terminal-{site}-{terminal}", the
/// gateway's own ingest with a service credential made at start. TopicAcl decides what a
/// terminal may publish and subscribe; every refusal is counted for the operator.
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    public const string ServiceUserName = "meal-gateway";

    private readonly MqttServer server;
    private readonly CredentialStore credentials;
    private readonly byte[] serviceSecret;
    /// <summary>
    /// Login behind each terminal client id. Entries stay after a disconnect, so the will message
    /// the broker publishes for a vanished terminal is checked like its other publishes whatever
    /// the order of MQTTnet's will and disconnect events.
    /// </summary>
    private readonly ConcurrentDictionary<string, TerminalCredential> terminalsByClientId = new();
    private readonly ConcurrentDictionary<string, long> refusals = new();

    private EmbeddedBroker(MqttServer server, int port, CredentialStore credentials, string serviceSecret)
    {
        this.server = server;
        this.credentials = credentials;
        Port = port;
        ServiceSecret = serviceSecret;
        this.serviceSecret = Encoding.UTF8.GetBytes(serviceSecret);
        server.ValidatingConnectionAsync += ValidateConnection;
        server.InterceptingPublishAsync += InterceptPublish;
        server.InterceptingSubscriptionAsync += InterceptSubscription;
    }

    public int Port { get; }

    /// <summary>The service credential's secret for this run (never stored).</summary>
    public string ServiceSecret { get; }

    /// <summary>Refused connections, publishes and subscriptions by reason, for /api/health.</summary>
    public IReadOnlyDictionary<string, long> Refusals => refusals;

    /// <summary>Raised with the reason after each refusal is counted (on the broker's thread).</summary>
    public event Action<string>? Refused;

    /// <param name="serviceSecret">The gateway's login secret; a new random one when null.</param>
    /// <param name="bind">
    /// The one address to listen on. MQTTnet's default endpoint opens an IPv6 listener on every
    /// address unless told otherwise, so the family not asked for is bound to IPAddress.None (no
    /// listener); "::" alone opens both families.
    /// </param>
    public static async Task<EmbeddedBroker> StartAsync(int port, System.Net.IPAddress bind, CredentialStore credentials, string? serviceSecret = null)
    {
        bool v6 = bind.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        var builder = new MqttServerFactory().CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(port)
            .WithDefaultEndpointBoundIPAddress(!v6 ? bind : bind.Equals(System.Net.IPAddress.IPv6Any) ? System.Net.IPAddress.Any : System.Net.IPAddress.None)
            .WithDefaultEndpointBoundIPV6Address(v6 ? bind : System.Net.IPAddress.None);

        var server = new MqttServerFactory().CreateMqttServer(builder.Build());
        var broker = new EmbeddedBroker(server, port, credentials, serviceSecret ?? PasswordHash.NewSecret());
        await server.StartAsync();
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        server.Dispose();
    }

    private Task ValidateConnection(ValidatingConnectionEventArgs e)
    {
        if (e.UserName == ServiceUserName)
        {
            bool ok = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(e.Password ?? string.Empty), serviceSecret);
            e.ReasonCode = ok ? MqttConnectReasonCode.Success : Refuse(MqttConnectReasonCode.BadUserNameOrPassword, "ServiceWrongSecret");
            return Task.CompletedTask;
        }

        var check = credentials.Check(e.UserName, e.Password, out var credential);
        if (check != CredentialCheck.Accepted)
        {
            e.ReasonCode = Refuse(check == CredentialCheck.Revoked ? MqttConnectReasonCode.NotAuthorized : MqttConnectReasonCode.BadUserNameOrPassword, $"Connect{check}");
        }
        else if (e.ClientId != $"terminal-{credential!.Site}-{credential.Terminal}")
        {
            // Another terminal's client id would take over that terminal's session.
            e.ReasonCode = Refuse(MqttConnectReasonCode.ClientIdentifierNotValid, "ConnectForeignClientId");
        }
        else
        {
            terminalsByClientId[e.ClientId] = credential;
        }

        return Task.CompletedTask;
    }

    private Task InterceptPublish(InterceptingPublishEventArgs e)
    {
        if (terminalsByClientId.TryGetValue(e.ClientId, out var t) && !TopicAcl.MayPublish(t.Site, t.Terminal, e.ApplicationMessage.Topic))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            Refuse(0, "PublishForeignTopic");
        }

        return Task.CompletedTask;
    }

    private Task InterceptSubscription(InterceptingSubscriptionEventArgs e)
    {
        if (terminalsByClientId.TryGetValue(e.ClientId, out var t) && !TopicAcl.MaySubscribe(t.Site, t.Terminal, e.TopicFilter.Topic))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            Refuse(0, "SubscribeForeignTopic");
        }

        return Task.CompletedTask;
    }

    private T Refuse<T>(T code, string reason)
    {
        refusals.AddOrUpdate(reason, 1, (_, n) => n + 1);
        Refused?.Invoke(reason);
        return code;
    }
}
