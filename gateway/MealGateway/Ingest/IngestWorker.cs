using System.Buffers;
using System.Collections.Concurrent;
using MealGateway.Storage;
using MealTerminal.Core.Sync;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace MealGateway.Ingest;

/// <summary>
/// Subscribes to every terminal's record batches on the broker (embedded or external), stores each
/// batch and answers with the terminal's contiguous stored prefix. The single place where ingest
/// errors are caught and logged: the gateway never crashes on a payload.
/// </summary>
public sealed class IngestWorker : IAsyncDisposable
{
    private readonly MealStore store;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly IMqttClient client;
    private readonly MqttClientOptions options;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<BatchRejection, long> rejections = new();
    private Task? reconnectLoop;
    private long batchesStored;

    public IngestWorker(MealStore store, string brokerHost, int brokerPort, ILogger logger, TimeProvider time)
    {
        this.store = store;
        this.logger = logger;
        this.time = time;
        client = new MqttClientFactory().CreateMqttClient();
        options = new MqttClientOptionsBuilder()
            .WithTcpServer(brokerHost, brokerPort)
            .WithClientId("meal-gateway-ingest")
            .WithCleanSession(false)
            .WithSessionExpiryInterval(uint.MaxValue)
            .Build();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    public long BatchesStored => Interlocked.Read(ref batchesStored);

    public IReadOnlyDictionary<BatchRejection, long> Rejections => rejections;

    public bool IsConnected => client.IsConnected;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ConnectAndSubscribeAsync(cancellationToken);
        reconnectLoop = Task.Run(() => KeepConnectedAsync(stopping.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (reconnectLoop is not null)
        {
            await reconnectLoop;
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
        }

        client.Dispose();
    }

    private async Task ConnectAndSubscribeAsync(CancellationToken cancellationToken)
    {
        await client.ConnectAsync(options, cancellationToken);
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Topics.RecordsFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await client.SubscribeAsync(subscribe, cancellationToken);
        logger.LogInformation("Ingest subscribed to {Filter}", Topics.RecordsFilter);
    }

    private async Task KeepConnectedAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, cancellationToken);
                if (!client.IsConnected)
                {
                    await ConnectAndSubscribeAsync(cancellationToken);
                    delay = TimeSpan.FromMilliseconds(200);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Ingest reconnect failed: {Message}", ex.Message);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        try
        {
            if (!Topics.TryParse(e.ApplicationMessage.Topic, out var site, out var terminal, out var channel) || channel != "records")
            {
                return;
            }

            var rejection = BatchDecoder.TryDecode(e.ApplicationMessage.Payload.ToArray(), terminal, out var batch);
            long acknowledged;
            if (rejection != BatchRejection.None)
            {
                rejections.AddOrUpdate(rejection, 1, (_, n) => n + 1);
                logger.LogWarning("Refused batch from {Site}/{Terminal}: {Reason}", site, terminal, rejection);
                acknowledged = store.Terminals().FirstOrDefault(t => t.Id == $"{site}/{terminal}")?.ContiguousSequence ?? 0;
            }
            else
            {
                acknowledged = store.StoreBatch(site, batch!, time.GetUtcNow().UtcDateTime);
                Interlocked.Increment(ref batchesStored);
            }

            var ack = new byte[AckCodec.Size];
            AckCodec.Encode(ack, (int)rejection, (uint)acknowledged);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(Topics.For(site, terminal, "ack"))
                .WithPayload(ack)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            await client.PublishAsync(message, stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Ingest failed for {Topic}", e.ApplicationMessage.Topic);
        }
    }
}
