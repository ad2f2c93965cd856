using System.Buffers;
using MealGateway.Downloads;
using MealGateway.Storage;
using MealGateway.Terminals;
using MealTerminal.Core.Sync;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace MealGateway.Ingest;

/// <summary>
/// Subscribes to every terminal's record batches on the broker (embedded or external), stores each
/// batch and answers with the terminal's contiguous stored prefix; hands the terminals' other
/// upstream channels to TerminalChannels. The single place where ingest errors are caught and
/// logged: the gateway never crashes on a payload.
/// </summary>
public sealed class IngestWorker : IAsyncDisposable
{
    private readonly MealStore store;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly IMqttClient client;
    private readonly MqttClientOptions options;
    private readonly GroupCommit groupCommit;
    private readonly CancellationTokenSource stopping = new();
    private readonly RejectionCounts rejections = new();
    private Task? reconnectLoop;
    private long batchesStored;

    /// <param name="statusClock">Stamps heartbeats (StatusBoard); the gateway's clock, against which terminals turn silent.</param>
    public IngestWorker(MealStore store, BrokerConnection broker, ILogger logger, TimeProvider time, TimeProvider? statusClock = null)
    {
        this.store = store;
        this.logger = logger;
        this.time = time;
        client = new MqttClientFactory().CreateMqttClient();
        options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithCredentials(broker.UserName, broker.Password)
            .WithClientId(broker.ClientId)
            .WithCleanSession(false)
            .WithSessionExpiryInterval(uint.MaxValue)
            .Build();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        RefusalLog = new RefusalLog(logger, time);
        Channels = new TerminalChannels(new StatusBoard(statusClock ?? time), new DownloadService(new SiteImages(store), time), rejections, RefusalLog);
        groupCommit = new GroupCommit(group => store.StoreGroup(group, time.GetUtcNow().UtcDateTime));
    }

    /// <summary>What of the refusals reaches the log: one line per terminal and interval.</summary>
    public RefusalLog RefusalLog { get; }

    /// <summary>Heartbeats and the other non-record channels.</summary>
    public TerminalChannels Channels { get; }

    public long BatchesStored => Interlocked.Read(ref batchesStored);

    /// <summary>Group commits done: each is one transaction and one data-file sync.</summary>
    public long GroupCommits => groupCommit.Groups;

    public long StoreFailures => groupCommit.Failures;

    public IReadOnlyDictionary<BatchRejection, long> Rejections => rejections.Totals;

    public RejectionCounts RejectionCounts => rejections;

    public bool IsConnected => client.IsConnected;

    /// <summary>Connects (or, if the broker is not up yet, keeps trying in the background).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ConnectAndSubscribeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Broker not reachable at start, retrying: {Message}", ex.Message);
        }

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

        await groupCommit.DisposeAsync();
        RefusalLog.Dispose();
        client.Dispose();
    }

    private async Task ConnectAndSubscribeAsync(CancellationToken cancellationToken)
    {
        var connected = await client.ConnectAsync(options, cancellationToken);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"broker refused the gateway's login: {connected.ResultCode}");
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Topics.RecordsFilter, MqttQualityOfServiceLevel.AtLeastOnce);
        foreach (string channel in TerminalChannels.Channels)
        {
            subscribe.WithTopicFilter(Topics.AllTerminals(channel), MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await client.SubscribeAsync(subscribe.Build(), cancellationToken);
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

    /// <summary>
    /// Decodes at once; a refused batch is answered at once with its reason. A good batch joins the
    /// next group commit and its acknowledgement, and the PUBACK to the broker, wait until that
    /// group is durable: the handler returns without waiting, so batches from many terminals can
    /// share one group.
    /// </summary>
    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        string topic = e.ApplicationMessage.Topic;
        try
        {
            if (!Topics.TryParse(topic, out var site, out var terminal, out var channel))
            {
                return;
            }

            if (RetainedUpstream.IsStale(e.ApplicationMessage, channel))
            {
                rejections.Count(site, terminal, channel, RetainedUpstream.Reason.Retained);
                RefusalLog.Note(site, terminal, channel, nameof(RetainedUpstream.Reason.Retained));
                await client.PublishAsync(RetainedUpstream.Clearing(topic), stopping.Token);
                return;
            }

            if (channel != "records")
            {
                if (TerminalChannels.Channels.Contains(channel))
                {
                    await Channels.HandleAsync(site, terminal, channel, e.ApplicationMessage.Payload.ToArray(), PublishAsync);
                }

                return;
            }

            var payload = e.ApplicationMessage.Payload.ToArray();
            var rejection = BatchDecoder.TryDecode(payload, terminal, out var batch);
            if (rejection != BatchRejection.None)
            {
                rejections.Count(site, terminal, rejection);
                RefusalLog.Note(site, terminal, channel, rejection.ToString());
                int version = payload.Length > 0 && payload[0] == RecordBatchCodec.LegacyFormatVersion ? 1 : RecordBatchCodec.FormatVersion;
                await PublishAckAsync(site, terminal, version, store.AnswerOf(site, terminal) with { Status = rejection });
                return;
            }

            e.AutoAcknowledge = false;
            _ = AcknowledgeWhenDurableAsync(e, site, terminal, batch!.Version, groupCommit.StoreAsync(new IncomingBatch(site, batch)));
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Ingest failed for {Topic}", topic);
        }
    }

    private async Task AcknowledgeWhenDurableAsync(MqttApplicationMessageReceivedEventArgs e, string site, string terminal, int version, Task<BatchOutcome> durable)
    {
        try
        {
            var outcome = await durable;
            if (outcome.Status == BatchRejection.None)
            {
                Interlocked.Increment(ref batchesStored);
            }
            else
            {
                rejections.Count(site, terminal, outcome.Status);
                logger.LogWarning("Refused batch from {Site}/{Terminal}: {Reason}", site, terminal, outcome.Status);
            }

            await PublishAckAsync(site, terminal, version, outcome);
            await e.AcknowledgeAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // Not acknowledged: the terminal sends the batch again from its cursor.
            logger.LogError(ex, "Storing a batch from {Site}/{Terminal} failed", site, terminal);
        }
    }

    /// <summary>
    /// Offers a site's current image to every terminal of the site the gateway knows of (it has
    /// records or a heartbeat from it); the others get it with their next heartbeat. Returns how many.
    /// </summary>
    public async Task<int> AnnounceAsync(SiteImage image)
    {
        bool county = image.Site == VoicePacks.County; // a county-wide voice pack or font goes to every site without its own
        var terminals = store.Terminals().Select(t => (t.Site, t.Terminal))
            .Concat(Channels.Statuses.All().Keys.Select(k => (Site: k[..k.IndexOf('/')], Terminal: k[(k.IndexOf('/') + 1)..])))
            .Where(t => county ? Channels.Downloads.Images.Current(t.Site, image.Kind)?.Id == image.Id : t.Site == image.Site)
            .Distinct().ToList();
        if (!client.IsConnected)
        {
            return 0;
        }

        foreach (var terminal in terminals)
        {
            await client.PublishAsync(DownloadService.Offer(terminal.Site, terminal.Terminal, image), stopping.Token);
        }

        return terminals.Count;
    }

    private Task PublishAsync(MqttApplicationMessage message) => client.PublishAsync(message, stopping.Token);

    /// <summary>Answers in the batch's own format: version 1 acks (no epoch) to firmware before ledger epochs.</summary>
    private async Task PublishAckAsync(string site, string terminal, int version, BatchOutcome outcome)
    {
        var ack = new byte[AckCodec.Size];
        int length = version == RecordBatchCodec.LegacyFormatVersion
            ? AckCodec.EncodeLegacy(ack, (int)outcome.Status, (uint)outcome.Acknowledged)
            : AckCodec.Encode(ack, (int)outcome.Status, (uint)outcome.Acknowledged, outcome.Epoch);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.For(site, terminal, "ack"))
            .WithPayload(ack[..length])
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await client.PublishAsync(message, stopping.Token);
    }
}
