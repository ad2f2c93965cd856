using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MealGateway.Broker;
using MealGateway.Tests.Settlement;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MealGateway.Tests.Security;

/// <summary>
/// Issue #14 against the embedded broker: oversized publishes, a revoked terminal's live session,
/// password guessing, retained upstream messages. Each is refused, counted for the terminal, and
/// stores nothing.
/// </summary>
public sealed class BrokerHardeningTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("broker-hardening-").FullName;
    private readonly List<IMqttClient> clients = new();
    private GatewayHost gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayHost.StartAsync(new GatewayOptions
    {
        DataDirectory = directory, MqttPort = 0, HttpPort = 0,
        SecurityClock = new ManualClock(DateTimeOffset.UtcNow), // lockouts never run out during a slow test
    });

    public async Task DisposeAsync()
    {
        foreach (var c in clients)
        {
            c.Dispose();
        }

        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<(IMqttClient Client, MqttClientConnectResult Result)> ConnectAsync(string user, string secret, string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        clients.Add(client);
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", gateway.MqttPort)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCredentials(user, secret).WithClientId(clientId).Build());
        return (client, result);
    }

    private async Task<IMqttClient> TerminalAsync(string site, string terminal, string secret)
    {
        var (client, result) = await ConnectAsync($"{site}/{terminal}", secret, $"terminal-{site}-{terminal}");
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private Task RefusalAsync(string reason)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.Broker!.Refused += r =>
        {
            if (r == reason)
            {
                seen.TrySetResult();
            }
        };
        return HangGuard.Of(seen.Task, $"the broker to count {reason}");
    }

    private static Task DisconnectionOf(IMqttClient client)
    {
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += _ =>
        {
            gone.TrySetResult();
            return Task.CompletedTask;
        };
        return HangGuard.Of(client.IsConnected ? gone.Task : Task.CompletedTask, "the broker to end the session");
    }

    private static MqttApplicationMessage Records(string site, string terminal, byte[] payload) =>
        new MqttApplicationMessageBuilder().WithTopic(Topics.For(site, terminal, "records")).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    [Fact]
    public async Task DefaultBroker_DoesNotListenOnIPv6()
    {
        using var probe = new TcpClient(AddressFamily.InterNetworkV6);

        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(IPAddress.IPv6Loopback, gateway.MqttPort));
    }

    [Fact]
    public async Task BrokerOnEveryInterface_LeavesTheHttpApiOnLoopback()
    {
        string other = Directory.CreateTempSubdirectory("broker-open-").FullName;
        await using var open = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = other, MqttPort = 0, HttpPort = 0, MqttBind = IPAddress.Any });
        var elsewhere = IPAddress.Parse("127.0.0.2"); // another address of this machine, not the one HTTP is bound to

        using (var mqtt = new TcpClient())
        {
            await mqtt.ConnectAsync(elsewhere, open.MqttPort);
        }

        using var http = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => http.ConnectAsync(elsewhere, new Uri(open.HttpUrl).Port));
    }

    [Fact]
    public async Task OversizedPublish_EndsTheConnection_IsCountedForTheTerminal_AndStoresNothing()
    {
        string secret = gateway.Credentials.Provision("S01", "T01");
        var terminal = await TerminalAsync("S01", "T01", secret);
        var refused = RefusalAsync("PacketTooLarge");
        var gone = DisconnectionOf(terminal);

        _ = terminal.PublishAsync(Records("S01", "T01", new byte[100_000])).ContinueWith(_ => { }, TaskScheduler.Default);

        await refused;
        await gone;
        Assert.Equal(1, gateway.Broker!.RefusalsByTerminal()["S01/T01"]["PacketTooLarge"]);
        Assert.Empty(gateway.Store.Terminals());
    }

    [Fact]
    public async Task LargestLegitimateBatch_PassesTheSizeLimit()
    {
        string terminalId = new('T', IdRule.MaxLength);
        string secret = gateway.Credentials.Provision("S01", terminalId);
        var terminal = await TerminalAsync("S01", terminalId, secret);
        byte[] batch = Batches.Meals(terminalId, 1, 100);

        var result = await terminal.PublishAsync(Records("S01", terminalId, batch));

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.False(gateway.Broker!.Refusals.ContainsKey("PacketTooLarge"));
    }

    [Fact]
    public async Task RevokingThroughTheApi_EndsTheLiveSessionAtOnce()
    {
        string secret = gateway.Credentials.Provision("S01", "T01");
        var terminal = await TerminalAsync("S01", "T01", secret);
        var gone = DisconnectionOf(terminal);
        using var township = OperatorClients.Township(gateway, "S01");

        var response = await township.PostAsync("/api/terminals/S01/T01/revoke", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await gone;
        Assert.Equal(1, gateway.Broker!.RefusalsByTerminal()["S01/T01"]["SessionRevoked"]);
        var (_, again) = await ConnectAsync("S01/T01", secret, "terminal-S01-T01");
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, again.ResultCode);
    }

    [Fact]
    public async Task RevokingFromTheCommandLine_EndsTheLiveSession()
    {
        string secret = gateway.Credentials.Provision("S01", "T01");
        var terminal = await TerminalAsync("S01", "T01", secret);
        var gone = DisconnectionOf(terminal);

        // What `terminal revoke` does from another process: it only writes terminals.db.
        new CredentialStore(directory).Revoke("S01", "T01");

        await gone;
        Assert.Empty(gateway.Store.Terminals());
    }

    [Fact]
    public async Task RepeatedWrongSecrets_LockTheTerminalLoginOut_BeforeAnyHashIsComputed()
    {
        string secret = gateway.Credentials.Provision("S01", "T01");
        for (int i = 0; i < 5; i++)
        {
            var (_, wrong) = await ConnectAsync("S01/T01", $"guess-{i}", "terminal-S01-T01");
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, wrong.ResultCode);
        }

        var (_, locked) = await ConnectAsync("S01/T01", secret, "terminal-S01-T01");

        Assert.Equal(MqttClientConnectResultCode.ServerBusy, locked.ResultCode);
        Assert.Equal(1, gateway.Broker!.Refusals["ConnectThrottled"]);
    }

    [Fact]
    public async Task RetainedUpstreamPublish_IsNotKeptForLaterSubscribers()
    {
        string secret = gateway.Credentials.Provision("S01", "T01");
        var terminal = await TerminalAsync("S01", "T01", secret);
        var retained = new MqttApplicationMessageBuilder().WithTopic(Topics.For("S01", "T01", "status")).WithPayload("left behind"u8.ToArray())
            .WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        await terminal.PublishAsync(retained);

        var (watcher, _) = await ConnectAsync(EmbeddedBroker.ServiceUserName, gateway.Broker!.ServiceSecret, "security-test-watcher");
        var first = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.ApplicationMessageReceivedAsync += e =>
        {
            first.TrySetResult(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await watcher.SubscribeAsync(Topics.For("S01", "T01", "status"), MqttQualityOfServiceLevel.AtLeastOnce);
        // A retained message would be delivered on subscription, before this later one.
        await terminal.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(Topics.For("S01", "T01", "status")).WithPayload("now"u8.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        await HangGuard.Of(first.Task, "the first status message");
        var message = await first.Task;
        Assert.Equal("now", System.Text.Encoding.UTF8.GetString(message.Payload.ToArray()));
        Assert.Equal(1, gateway.Broker.RefusalsByTerminal()["S01/T01"]["RetainIgnored"]);
    }

    [Fact]
    public async Task AddingAnExistingTerminalOverHttp_IsRefusedUnlessRotating_AndTheLiveSecretKeepsWorking()
    {
        using var township = OperatorClients.Township(gateway, "S01");
        Assert.Equal(HttpStatusCode.OK, (await township.PostAsync("/api/terminals/S01/T01", null)).StatusCode);
        string secret = gateway.Credentials.Provision("S01", "T02");

        var again = await township.PostAsync("/api/terminals/S01/T02", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("rotate", await again.Content.ReadAsStringAsync());
        Assert.Equal(CredentialCheck.Accepted, gateway.Credentials.Check("S01/T02", secret, out _));
        Assert.Equal(HttpStatusCode.OK, (await township.PostAsync("/api/terminals/S01/T02?rotate=true", null)).StatusCode);
        Assert.Equal(CredentialCheck.WrongSecret, gateway.Credentials.Check("S01/T02", secret, out _));
    }
}
