using System.Buffers;
using System.Collections.Concurrent;
using MealGateway.Ingest;
using MQTTnet;
using MQTTnet.Protocol;

namespace MealGateway.Tests.ExactlyOnce;

/// <summary>
/// A test-side MQTT client that records every record batch the terminals publish and later sends
/// them again, shuffled and each more than once: duplicated and reordered delivery on demand.
/// </summary>
public sealed class BatchReplayer : IAsyncDisposable
{
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<(string Topic, byte[] Payload)> captured = new();

    private BatchReplayer()
    {
        client.ApplicationMessageReceivedAsync += e =>
        {
            captured.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
    }

    public int Captured => captured.Count;

    public static async Task<BatchReplayer> StartAsync(BrokerConnection service)
    {
        var replayer = new BatchReplayer();
        await replayer.client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(service.Host, service.Port)
            .WithCredentials(service.UserName, service.Password).WithClientId(service.ClientId).Build());
        await replayer.client.SubscribeAsync(Topics.RecordsFilter, MqttQualityOfServiceLevel.AtLeastOnce);
        return replayer;
    }

    /// <summary>Publishes every captured batch `copies` times in a shuffled order; returns how many.</summary>
    public async Task<int> ReplayShuffledAsync(int copies, int seed)
    {
        var all = captured.SelectMany(c => Enumerable.Repeat(c, copies)).ToArray();
        new Random(seed).Shuffle(all);
        foreach (var (topic, payload) in all)
        {
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        return all.Length;
    }

    public async ValueTask DisposeAsync()
    {
        await client.DisconnectAsync();
        client.Dispose();
    }
}
