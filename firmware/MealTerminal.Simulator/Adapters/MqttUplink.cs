using System.Buffers;
using System.Collections.Concurrent;
using MealTerminal.Core.Sync;
using MQTTnet;
using MQTTnet.Protocol;

namespace MealTerminal.Simulator.Adapters;

/// <summary>
/// The uplink over MQTTnet. Publishing never blocks the caller: it returns false when offline and
/// otherwise hands the message to MQTTnet in the background. A background loop keeps reconnecting
/// with backoff. Inbound messages (acks, time, offers, chunks) are queued for the terminal's loop.
/// </summary>
public sealed class MqttUplink : IUplink, IAsyncDisposable
{
    private readonly string host;
    private readonly int port;
    private readonly string site;
    private readonly string terminal;
    private readonly IMqttClient client;
    private readonly ConcurrentQueue<(int Channel, byte[] Payload)> inbound = new();
    private readonly SemaphoreSlim arrivals = new(0);
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    private readonly string? password;

    /// <param name="password">The terminal's provisioned secret; it logs in as "{site}/{terminal}".</param>
    public MqttUplink(string host, int port, string site, string terminal, string? password = null)
    {
        (this.host, this.port, this.site, this.terminal, this.password) = (host, port, site, terminal, password);
        client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            for (int channel = 1; channel < UplinkChannel.Names.Length; channel++)
            {
                if (UplinkChannel.IsDownstream(channel) && e.ApplicationMessage.Topic == Topic(channel))
                {
                    inbound.Enqueue((channel, e.ApplicationMessage.Payload.ToArray()));
                    arrivals.Release();
                }
            }

            return Task.CompletedTask;
        };
    }

    public bool IsConnected => client.IsConnected;

    /// <summary>
    /// Called with one line (Chinese first) whenever the connection state changes: connected, the
    /// broker refused the login, or the broker cannot be reached. Not repeated while it stays so.
    /// </summary>
    public Action<string>? ConnectionNews { get; set; }

    private string? lastNews;

    public int PublishFailures { get; private set; }

    public void Start() => loop ??= Task.Run(() => KeepConnectedAsync(stopping.Token));

    public bool Publish(int channel, byte[] payload, int offset, int count)
    {
        if (!client.IsConnected || channel <= 0 || channel >= UplinkChannel.Names.Length || UplinkChannel.IsDownstream(channel))
        {
            return false;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(Topic(channel))
            .WithPayload(payload.AsSpan(offset, count).ToArray())
            .WithQualityOfServiceLevel(channel is UplinkChannel.TimeRequest or UplinkChannel.Fetch
                ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(channel == UplinkChannel.Status)
            .Build();
        _ = client.PublishAsync(message, stopping.Token).ContinueWith(
            t => PublishFailures++, TaskContinuationOptions.OnlyOnFaulted);
        return true;
    }

    /// <summary>
    /// Completes when an inbound message is queued, or after at most <paramref name="longest"/>:
    /// loops that drive the terminal wake on the network's events rather than on a timetable.
    /// </summary>
    public Task WaitForInboundAsync(TimeSpan longest) => inbound.IsEmpty ? arrivals.WaitAsync(longest) : Task.CompletedTask;

    public int TryReceive(byte[] buffer, out int channel)
    {
        channel = 0;
        if (!inbound.TryDequeue(out var message) || message.Payload.Length > buffer.Length)
        {
            return -1;
        }

        message.Payload.CopyTo(buffer, 0);
        channel = message.Channel;
        return message.Payload.Length;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
        }

        client.Dispose();
    }

    private string Topic(int channel) => $"meal/v1/{site}/{terminal}/{UplinkChannel.Names[channel]}";

    private void Tell(string news)
    {
        if (news != lastNews)
        {
            lastNews = news;
            ConnectionNews?.Invoke(news);
        }
    }

    private async Task KeepConnectedAsync(CancellationToken cancel)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    var options = new MqttClientOptionsBuilder()
                        .WithTcpServer(host, port)
                        .WithClientId($"terminal-{site}-{terminal}")
                        .WithCredentials($"{site}/{terminal}", password ?? string.Empty)
                        .WithWillTopic(Topic(UplinkChannel.Status))
                        .WithWillPayload(System.Text.Encoding.ASCII.GetBytes(StatusCodec.OfflineWill))
                        .WithWillRetain(true)
                        .Build();
                    var connected = await client.ConnectAsync(options, cancel);
                    if (connected.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        Tell($"broker {host}:{port} 拒绝登录：{connected.ResultCode}；请检查 --site/--terminal 和密码 (login refused)");
                        throw new IOException($"refused: {connected.ResultCode}"); // retried with backoff below
                    }

                    var subscribe = new MqttClientSubscribeOptionsBuilder();
                    for (int channel = 1; channel < UplinkChannel.Names.Length; channel++)
                    {
                        if (UplinkChannel.IsDownstream(channel))
                        {
                            subscribe.WithTopicFilter(Topic(channel), MqttQualityOfServiceLevel.AtLeastOnce);
                        }
                    }

                    await client.SubscribeAsync(subscribe.Build(), cancel);
                    delay = TimeSpan.FromMilliseconds(100);
                    Tell($"已连接 broker {host}:{port} (connected)");
                }

                await Task.Delay(delay, cancel);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                if (ex is MQTTnet.Adapter.MqttConnectingFailedException refused)
                {
                    Tell($"broker {host}:{port} 拒绝登录：{refused.Message}；请检查 --site/--terminal 和密码 (login refused)");
                }
                else if (lastNews is null || !lastNews.Contains("拒绝登录"))
                {
                    Tell($"连不上 broker {host}:{port}，稍后自动重试 (unreachable: {ex.Message})");
                }

                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
                try
                {
                    await Task.Delay(delay, cancel);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
