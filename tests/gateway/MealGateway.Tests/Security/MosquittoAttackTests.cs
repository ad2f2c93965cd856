using System.Buffers;
using MealGateway.Ingest;
using MealGateway.Tests.ExternalBroker;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MealGateway.Tests.Security;

/// <summary>
/// Issue #14 with the documented Mosquitto setup: one terminal cannot take over another's client
/// id, an oversized publish is refused by the broker, and a retained upstream message left on the
/// broker is ignored and cleared by the gateway at its next start.
/// </summary>
public sealed class MosquittoAttackTests : IAsyncLifetime
{
    private const string Acl = """
        user meal-gateway
        topic readwrite meal/v1/#
        user watcher
        topic read meal/v1/#
        pattern write meal/v1/%u/records
        pattern write meal/v1/%u/status
        pattern read meal/v1/%u/ack
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("mosquitto-attacks-").FullName;
    private readonly List<IMqttClient> clients = new();
    private Mosquitto mosquitto = null!;
    private GatewayHost gateway = null!;

    private GatewayOptions Options => new()
    {
        DataDirectory = Path.Combine(directory, "gateway"), HttpPort = 0,
        ExternalBroker = new BrokerConnection("127.0.0.1", mosquitto.Port, "meal-gateway", "gateway-secret"),
    };

    public async Task InitializeAsync()
    {
        mosquitto = await Mosquitto.StartAsync(directory, [("meal-gateway", "gateway-secret"), ("watcher", "watcher-secret"), ("S01/T01", "t01-secret"), ("S01/T02", "t02-secret")], Acl);
        gateway = await GatewayHost.StartAsync(Options);
    }

    public async Task DisposeAsync()
    {
        foreach (var c in clients)
        {
            c.Dispose();
        }

        await gateway.DisposeAsync();
        mosquitto.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<IMqttClient> ConnectAsync(string user, string password, string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        clients.Add(client);
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", mosquitto.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCredentials(user, password).WithClientId(clientId).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private static MqttApplicationMessage Status(string site, string terminal, string text, bool retain = false) =>
        new MqttApplicationMessageBuilder().WithTopic(Topics.For(site, terminal, "status")).WithPayload(System.Text.Encoding.UTF8.GetBytes(text))
            .WithRetainFlag(retain).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    [Fact]
    public async Task TerminalA_UsingTerminalBsClientId_DoesNotEndBsSession()
    {
        var terminalB = await ConnectAsync("S01/T02", "t02-secret", "terminal-S01-T02");

        await ConnectAsync("S01/T01", "t01-secret", "terminal-S01-T02");

        // B's session is intact: a QoS 1 round trip still completes on its connection.
        var result = await terminalB.PublishAsync(Status("S01", "T02", "still here"));
        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.True(terminalB.IsConnected);
    }

    [Fact]
    public async Task OversizedPublish_IsRefusedByMosquitto_AndNeverReachesTheGateway()
    {
        string big = Path.Combine(directory, "big.bin");
        await File.WriteAllBytesAsync(big, new byte[100_000]);

        // MQTT 3.1.1: the client does not learn the limit, so the broker itself must refuse.
        var oversized = await mosquitto.PublishAsync("-V", "mqttv311", "-u", "S01/T01", "-P", "t01-secret", "-q", "1", "-t", "meal/v1/S01/T01/records", "-f", big);
        Assert.NotEqual(0, oversized.ExitCode);

        // A small bad batch after it is the first thing the gateway refuses.
        string small = Path.Combine(directory, "small.bin");
        await File.WriteAllBytesAsync(small, MalformedBatches.BadCrc(Batches.Meals("T01", 1, 5)));
        Assert.Equal(0, (await mosquitto.PublishAsync("-V", "mqttv311", "-u", "S01/T01", "-P", "t01-secret", "-q", "1", "-t", "meal/v1/S01/T01/records", "-f", small)).ExitCode);
        await HangGuard.Of(WhenAsync(() => gateway.Ingest.Rejections.Values.Sum() > 0), "the gateway to refuse the bad batch");

        Assert.Equal(1, gateway.Ingest.Rejections.Values.Sum());
        Assert.Equal(1, gateway.Ingest.Rejections[BatchRejection.BadCrc]);
        Assert.Empty(gateway.Store.Terminals());
    }

    [Fact]
    public async Task RetainedUpstreamMessage_IsIgnoredAndClearedAtTheNextGatewayStart()
    {
        await gateway.DisposeAsync();
        var terminal = await ConnectAsync("S01/T01", "t01-secret", "terminal-S01-T01");
        await terminal.PublishAsync(Status("S01", "T01", "left behind", retain: true));

        gateway = await GatewayHost.StartAsync(Options);
        await HangGuard.Of(WhenAsync(() => gateway.Ingest.RejectionCounts.OtherTotals.GetValueOrDefault("status.Retained") == 1), "the gateway to ignore the retained status");

        // A login of its own: with use_username_as_clientid a second "meal-gateway" login would take
        // over the gateway's session, and the gateway's reconnect would then end the watcher's.
        var watcher = await ConnectAsync("watcher", "watcher-secret", "watcher");
        var first = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.ApplicationMessageReceivedAsync += e =>
        {
            first.TrySetResult(System.Text.Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        await watcher.SubscribeAsync(Topics.For("S01", "T01", "status"), MqttQualityOfServiceLevel.AtLeastOnce);
        await terminal.PublishAsync(Status("S01", "T01", "now"));

        await HangGuard.Of(first.Task, "the first status message");
        Assert.Equal("now", await first.Task); // the retained one was cleared, or it would come first
    }

    private static async Task WhenAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(50); // polling interval only; the caller's HangGuard bounds the wait
        }
    }
}
