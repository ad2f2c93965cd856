using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace MealGateway.Broker;

/// <summary>
/// The MQTT broker the gateway runs by default (MQTTnet's server on one address, LimitedTcpListener),
/// so a meal point needs no separate broker installation. Every client logs in: terminals with
/// their provisioned credential and client id "terminal-{site}-{terminal}", the gateway's own
/// ingest with a service credential made at start. Failed logins are throttled per address and
/// per user before any hash is computed; packets over MaxPacketBytes end the connection; a revoked
/// terminal's live session ends at once; a terminal's retained publishes are not retained. TopicAcl
/// decides what a terminal may publish and subscribe; every refusal is counted, in total and per
/// terminal, for the operator (docs/security.md).
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    public const string ServiceUserName = "meal-gateway";

    /// <summary>
    /// Largest MQTT packet accepted from any client, in bytes (fixed header included). The largest
    /// legitimate ones are a full record batch of unknown cards (2,444 bytes for a 32-character
    /// terminal id, docs/protocol.md) and the gateway's own 1,041-byte chunks, each plus a topic.
    /// </summary>
    public const int MaxPacketBytes = 4096;

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
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> refusalsByTerminal = new();

    /// <summary>Which terminal logged in from which remote endpoint, to name the sender of an oversized packet.</summary>
    private readonly ConcurrentDictionary<string, TerminalCredential> terminalsByEndpoint = new();
    private readonly ConcurrentDictionary<string, bool> revokedClientIds = new();
    private readonly Accounts.LoginThrottle perUser;
    private readonly Accounts.LoginThrottle perAddress;
    private readonly FileSystemWatcher? credentialWatcher;
    private readonly SemaphoreSlim revocationPass = new(1, 1);
    private int revocationPassQueued;

    private EmbeddedBroker(MqttServer server, int port, CredentialStore credentials, string serviceSecret, TimeProvider clock)
    {
        this.server = server;
        this.credentials = credentials;
        perUser = Accounts.LoginThrottle.PerUser(clock);
        perAddress = Accounts.LoginThrottle.PerAddress(clock);
        Port = port;
        ServiceSecret = serviceSecret;
        this.serviceSecret = Encoding.UTF8.GetBytes(serviceSecret);
        server.ValidatingConnectionAsync += ValidateConnection;
        server.InterceptingPublishAsync += InterceptPublish;
        server.InterceptingSubscriptionAsync += InterceptSubscription;
        server.ClientDisconnectedAsync += e =>
        {
            terminalsByEndpoint.TryRemove(e.RemoteEndPoint?.ToString() ?? string.Empty, out _);
            return Task.CompletedTask;
        };

        // `terminal revoke` in another process writes terminals.db: end that terminal's session now.
        string directory = Path.GetDirectoryName(credentials.DatabasePath)!;
        DataFiles.CreateDirectory(directory);
        credentialWatcher = new FileSystemWatcher(directory, Path.GetFileNameWithoutExtension(credentials.DatabasePath) + "*")
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
        };
        credentialWatcher.Changed += (_, _) => _ = EndRevokedSessionsAsync();
        credentialWatcher.Created += (_, _) => _ = EndRevokedSessionsAsync();
        credentialWatcher.EnableRaisingEvents = true;
    }

    public int Port { get; private set; }

    /// <summary>The service credential's secret for this run (never stored).</summary>
    public string ServiceSecret { get; }

    /// <summary>Refused connections, publishes and subscriptions by reason, for /api/health.</summary>
    public IReadOnlyDictionary<string, long> Refusals => refusals;

    /// <summary>"{site}/{terminal}" to refusal reason to count, for /api/health.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, long>> RefusalsByTerminal() =>
        refusalsByTerminal.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value.ToDictionary(r => r.Key, r => r.Value));

    /// <summary>Raised with the reason after each refusal is counted (on the broker's thread).</summary>
    public event Action<string>? Refused;

    /// <param name="serviceSecret">The gateway's login secret; a new random one when null.</param>
    /// <param name="bind">
    /// The one address to listen on. MQTTnet's default endpoint opens an IPv6 listener on every
    /// address unless told otherwise, so the family not asked for is bound to IPAddress.None (no
    /// listener); "::" alone opens both families.
    /// </param>
    public static async Task<EmbeddedBroker> StartAsync(int port, System.Net.IPAddress bind, CredentialStore credentials, string? serviceSecret = null, TimeProvider? clock = null)
    {
        EmbeddedBroker? broker = null;
        var listener = new LimitedTcpListener(bind, port, MaxPacketBytes, (remote, size) => broker?.RefuseOversize(remote, size));
        var options = new MqttServerFactory().CreateServerOptionsBuilder().Build(); // no default endpoint: the listener above is the only one
        var server = new MqttServerFactory().CreateMqttServer(options, [listener]);
        broker = new EmbeddedBroker(server, port, credentials, serviceSecret ?? PasswordHash.NewSecret(), clock ?? TimeProvider.System);
        try
        {
            await server.StartAsync();
        }
        catch
        {
            await broker.DisposeAsync(); // the port was taken: let go of the credential watcher too
            throw;
        }

        broker.Port = listener.BoundPort; // port 0: the OS chose one, so no one else can take it between a pick and the bind
        return broker;
    }

    /// <summary>
    /// Ends the live session of every connected terminal whose credential is revoked, and refuses
    /// anything it still sends. Called after a revocation through the API, and whenever terminals.db
    /// changes (the `terminal revoke` command).
    /// </summary>
    public async Task EndRevokedSessionsAsync()
    {
        if (Interlocked.Exchange(ref revocationPassQueued, 1) == 1)
        {
            return; // a pass is already waiting to start; it will see this change too
        }

        await revocationPass.WaitAsync();
        Interlocked.Exchange(ref revocationPassQueued, 0);
        try
        {
            var revoked = credentials.All().Where(c => c.RevokedUtc is not null).Select(c => $"terminal-{c.Site}-{c.Terminal}").ToHashSet();
            foreach (var client in await server.GetClientsAsync())
            {
                if (revoked.Contains(client.Id) && revokedClientIds.TryAdd(client.Id, true))
                {
                    Refuse(0, "SessionRevoked", terminalsByClientId.GetValueOrDefault(client.Id));
                    await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized });
                }
            }
        }
        catch (Exception ex) when (ex is IOException or LiteDB.LiteException or ObjectDisposedException)
        {
            // terminals.db busy or the broker stopping; the next change or connection check catches up.
        }
        finally
        {
            revocationPass.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        credentialWatcher?.Dispose();
        await server.StopAsync();
        server.Dispose();
    }

    private void RefuseOversize(System.Net.EndPoint? remote, long size) =>
        Refuse(0, "PacketTooLarge", terminalsByEndpoint.GetValueOrDefault(remote?.ToString() ?? string.Empty));

    private Task ValidateConnection(ValidatingConnectionEventArgs e)
    {
        if (e.UserName == ServiceUserName)
        {
            bool ok = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(e.Password ?? string.Empty), serviceSecret);
            e.ReasonCode = ok ? MqttConnectReasonCode.Success : Refuse(MqttConnectReasonCode.BadUserNameOrPassword, "ServiceWrongSecret");
            return Task.CompletedTask;
        }

        string address = "addr:" + (e.RemoteEndPoint as System.Net.IPEndPoint)?.Address;
        string user = "user:" + e.UserName;
        if (perAddress.IsLockedOut(address) || perUser.IsLockedOut(user))
        {
            // Refused before the PBKDF2 check: guessing costs the gateway nothing. The terminal retries later.
            e.ReasonCode = Refuse(MqttConnectReasonCode.ServerBusy, "ConnectThrottled");
            return Task.CompletedTask;
        }

        var check = credentials.Check(e.UserName, e.Password, out var credential);
        if (check is CredentialCheck.UnknownUser or CredentialCheck.WrongSecret)
        {
            perAddress.RecordFailure(address);
            perUser.RecordFailure(user);
        }

        if (check != CredentialCheck.Accepted)
        {
            e.ReasonCode = Refuse(check == CredentialCheck.Revoked ? MqttConnectReasonCode.NotAuthorized : MqttConnectReasonCode.BadUserNameOrPassword, $"Connect{check}", credential);
        }
        else if (e.ClientId != $"terminal-{credential!.Site}-{credential.Terminal}")
        {
            // Another terminal's client id would take over that terminal's session.
            e.ReasonCode = Refuse(MqttConnectReasonCode.ClientIdentifierNotValid, "ConnectForeignClientId", credential);
        }
        else
        {
            perUser.RecordSuccess(user);
            terminalsByClientId[e.ClientId] = credential;
            terminalsByEndpoint[e.RemoteEndPoint?.ToString() ?? string.Empty] = credential;
            revokedClientIds.TryRemove(e.ClientId, out _);
        }

        return Task.CompletedTask;
    }

    private Task InterceptPublish(InterceptingPublishEventArgs e)
    {
        if (!terminalsByClientId.TryGetValue(e.ClientId, out var t))
        {
            return Task.CompletedTask;
        }

        if (revokedClientIds.ContainsKey(e.ClientId) || !TopicAcl.MayPublish(t.Site, t.Terminal, e.ApplicationMessage.Topic))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            Refuse(0, revokedClientIds.ContainsKey(e.ClientId) ? "PublishRevoked" : "PublishForeignTopic", t);
        }
        else if (e.ApplicationMessage.Retain)
        {
            // Upstream messages are for the gateway now, never for later subscribers: a retained
            // one would be handed to the gateway again at every start (docs/security.md).
            e.ApplicationMessage.Retain = false;
            Refuse(0, "RetainIgnored", t);
        }

        return Task.CompletedTask;
    }

    private Task InterceptSubscription(InterceptingSubscriptionEventArgs e)
    {
        if (terminalsByClientId.TryGetValue(e.ClientId, out var t) && !TopicAcl.MaySubscribe(t.Site, t.Terminal, e.TopicFilter.Topic))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            Refuse(0, "SubscribeForeignTopic", t);
        }

        return Task.CompletedTask;
    }

    private T Refuse<T>(T code, string reason, TerminalCredential? terminal = null)
    {
        refusals.AddOrUpdate(reason, 1, (_, n) => n + 1);
        if (terminal is not null)
        {
            refusalsByTerminal.GetOrAdd(terminal.Id, _ => new()).AddOrUpdate(reason, 1, (_, n) => n + 1);
        }

        Refused?.Invoke(reason);
        return code;
    }
}
