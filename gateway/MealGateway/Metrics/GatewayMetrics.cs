using MealGateway.Broker;
using MealGateway.Ingest;
using MealGateway.Settlement;
using MealGateway.Storage;
using MealGateway.Terminals;
using Prometheus;

namespace MealGateway.Metrics;

/// <summary>
/// The gateway's state for Prometheus (GET /metrics): records stored, batches stored and refused,
/// terminals by liveness, the backlog terminals report, the county outbox and settlement time.
/// Counts per site and reason only: no elder, card or account appears (docs/deploy.md, "Metrics").
/// Values are read from the gateway's own counters when Prometheus scrapes, so ingest never
/// waits on a metric; each gateway has its own registry (tests run several in one process).
/// </summary>
public sealed class GatewayMetrics
{
    private readonly Gauge recordsStored;
    private readonly Counter batchesStored;
    private readonly Counter batchesRefused;
    private readonly Counter storeFailures;
    private readonly Gauge terminals;
    private readonly Gauge backlog;
    private readonly Gauge outboxPending;
    private readonly Gauge brokerConnected;
    private readonly Counter brokerRefusals;
    private readonly Histogram settleSeconds;

    public GatewayMetrics(MealStore store, IngestWorker ingest, SettlementService settlement, EmbeddedBroker? broker, TerminalLiveness liveness)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        recordsStored = factory.CreateGauge("meal_gateway_records_stored", "Meal records stored in the database, per site", "site");
        batchesStored = factory.CreateCounter("meal_gateway_batches_stored_total", "Record batches stored since the gateway started");
        batchesRefused = factory.CreateCounter("meal_gateway_batches_refused_total", "Record batches refused since the gateway started, by reason", "reason");
        storeFailures = factory.CreateCounter("meal_gateway_store_failures_total", "Group commits that failed (the batches were not acknowledged)");
        terminals = factory.CreateGauge("meal_gateway_terminals", "Terminals by liveness: online, silent (no heartbeat for 3 minutes), offline (last will), never_seen", "state");
        backlog = factory.CreateGauge("meal_gateway_terminal_backlog_records", "Records the terminals of a site report as not yet uploaded, from their last heartbeats", "site");
        outboxPending = factory.CreateGauge("meal_gateway_outbox_pending", "Statement revisions waiting to be delivered to the county platform");
        brokerConnected = factory.CreateGauge("meal_gateway_broker_connected", "1 when the ingest client is connected to the broker");
        brokerRefusals = factory.CreateCounter("meal_gateway_broker_refusals_total", "Connections and publishes the embedded broker refused, by reason", "reason");
        settleSeconds = factory.CreateHistogram("meal_gateway_settle_duration_seconds", "Duration of settlement runs (periodic and on request)",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.01, 2, 14) });
        settlement.Settled += took => settleSeconds.Observe(took.TotalSeconds);

        Registry.AddBeforeCollectCallback(() =>
        {
            foreach (var site in store.Terminals().GroupBy(t => t.Site))
            {
                recordsStored.WithLabels(site.Key).Set(site.Sum(t => t.RecordsStored));
            }

            batchesStored.IncTo(ingest.BatchesStored);
            storeFailures.IncTo(ingest.StoreFailures);
            foreach (var (reason, count) in ingest.Rejections)
            {
                batchesRefused.WithLabels(reason.ToString()).IncTo(count);
            }

            foreach (var (reason, count) in broker?.Refusals ?? new Dictionary<string, long>())
            {
                brokerRefusals.WithLabels(reason).IncTo(count);
            }

            var census = TerminalCensus.Of(store.Terminals().Select(t => t.Id), ingest.Channels.Statuses.All(), liveness);
            foreach (var state in Enum.GetValues<Liveness>())
            {
                terminals.WithLabels(TerminalCensus.Label(state)).Set(census.Count(state));
            }

            foreach (var (site, pending) in census.BacklogBySite)
            {
                backlog.WithLabels(site).Set(pending);
            }

            outboxPending.Set(settlement.Statements.OutboxCounts().Pending);
            brokerConnected.Set(ingest.IsConnected ? 1 : 0);
        });
    }

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();
}
