using MealGateway.Broker;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MealGateway.Tests.Broker;

/// <summary>The embedded broker over real MQTT on loopback: who may connect, publish and subscribe.</summary>
public sealed class BrokerAccessTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("broker-").FullName;
    private readonly List<IMqttClient> clients = new();
    private GatewayHost gateway = null!;

    public async Task InitializeAsync() =>
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = directory, MqttPort = 0, HttpPort = 0 });

    public async Task DisposeAsync()
    {
        foreach (var c in clients)
        {
            c.Dispose();
        }

        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<IMqttClient> ConnectAsync(string user, string secret, string clientId)
    {
        var (client, result) = await TryConnectAsync(user, secret, clientId);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private async Task<(IMqttClient, MqttClientConnectResult)> TryConnectAsync(string user, string secret, string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        clients.Add(client);
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", gateway.MqttPort)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCredentials(user, secret).WithClientId(clientId).Build());
        return (client, result);
    }

    private async Task<MqttClientConnectResultCode> RefusalOf(string user, string secret, string clientId)
    {
        var (client, result) = await TryConnectAsync(user, secret, clientId);
        Assert.False(client.IsConnected);
        return result.ResultCode;
    }

    [Fact]
    public async Task UnknownAndWrongAndRevokedCredentials_AreRefused()
    {
        string secret = gateway.Credentials.Provision("S01", "T01");
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await RefusalOf("S01/T09", secret, "terminal-S01-T09"));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await RefusalOf("S01/T01", "guess", "terminal-S01-T01"));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await RefusalOf(EmbeddedBroker.ServiceUserName, "guess", "x"));

        var before = await ConnectAsync("S01/T01", secret, "terminal-S01-T01");
        Assert.True(before.IsConnected);
        await before.DisconnectAsync();
        gateway.Credentials.Revoke("S01", "T01");
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, await RefusalOf("S01/T01", secret, "terminal-S01-T01"));
        Assert.Equal(1, gateway.Broker!.Refusals["ConnectRevoked"]);
    }

    [Fact]
    public async Task TerminalA_CannotTakeTerminalBsClientId()
    {
        string a = gateway.Credentials.Provision("S01", "T01");
        gateway.Credentials.Provision("S01", "T02");
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, await RefusalOf("S01/T01", a, "terminal-S01-T02"));
    }

    [Fact]
    public async Task TerminalA_CannotPostRecordsAsTerminalB()
    {
        string a = gateway.Credentials.Provision("S01", "T01");
        gateway.Credentials.Provision("S01", "T02");
        var terminalA = await ConnectAsync("S01/T01", a, "terminal-S01-T01");

        var onBsTopic = await terminalA.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("meal/v1/S01/T02/records")
            .WithPayload(Batches.Meals("T02", 1, 5)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var onOtherSite = await terminalA.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("meal/v1/S02/T01/records")
            .WithPayload(Batches.Meals("T01", 1, 5)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, onBsTopic.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, onOtherSite.ReasonCode);
        Assert.Equal(2, gateway.Broker!.Refusals["PublishForeignTopic"]);
        Assert.Empty(gateway.Store.Terminals());
    }

    [Fact]
    public async Task TerminalA_CannotSubscribeToTerminalBsAcknowledgements()
    {
        string a = gateway.Credentials.Provision("S01", "T01");
        var terminalA = await ConnectAsync("S01/T01", a, "terminal-S01-T01");

        var result = await terminalA.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("meal/v1/S01/T02/ack").WithTopicFilter("meal/v1/S01/T01/ack").Build());

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, result.Items.First().ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, result.Items.Last().ResultCode);
    }

    [Fact]
    public async Task TerminalA_CannotLeaveAWillOnTerminalBsStatus()
    {
        string a = gateway.Credentials.Provision("S01", "T01");
        var terminalA = new MqttClientFactory().CreateMqttClient();
        await terminalA.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", gateway.MqttPort)
            .WithCredentials("S01/T01", a).WithClientId("terminal-S01-T01")
            .WithWillTopic("meal/v1/S01/T02/status").WithWillPayload("offline").WithWillRetain(true).Build());

        Assert.False(gateway.Broker!.Refusals.ContainsKey("PublishForeignTopic"));
        var refused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.Broker.Refused += reason =>
        {
            if (reason == "PublishForeignTopic")
            {
                refused.TrySetResult();
            }
        };
        terminalA.Dispose(); // vanishes without DISCONNECT: the broker publishes its will

        await HangGuard.Of(refused.Task, "the will on another terminal's topic to be refused");
        Assert.Equal(1, gateway.Broker.Refusals["PublishForeignTopic"]);
    }
}
