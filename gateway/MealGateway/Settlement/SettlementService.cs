using MealGateway.County;
using MealGateway.Downloads;
using MealGateway.Periods;
using MealGateway.Policy;
using MealGateway.Storage;
using Microsoft.Extensions.Logging;

namespace MealGateway.Settlement;

/// <summary>
/// The gateway's settlement in service: the running policy (re-read when its file changes; a bad
/// file is reported and the running policy stays), a periodic settlement of what changed, and the
/// county forwarder.
/// </summary>
public sealed class SettlementService : IAsyncDisposable
{
    private readonly MealStore store;
    private readonly GatewayOptions options;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly CountyClient? client;
    private readonly List<Task> loops = [];
    private DateTime policyWritten;

    public SettlementService(MealStore store, GatewayOptions options, ILogger logger)
    {
        this.store = store;
        this.options = options;
        this.logger = logger;
        Statements = new SettlementStore(store);
        Policy = options.PolicyPath is null ? null : new RunningPolicy(options.PolicyPath, store.Periods);
        Welfare = new Welfare.WelfareDesk(store, options.Time, day => Policy?.Current?.WelfareOn(day) ?? new Welfare.WelfareSetting());
        Absences = new Welfare.AbsenceReports(store, Welfare, options.Time, options.GatewayId);
        if (options.County is not null)
        {
            client = new CountyClient(options.County);
            Forwarder = new CountyForwarder(Statements, client, options.CountyRetry, TimeProvider.System, Random.Shared.NextDouble, logger);
        }
    }

    public SettlementStore Statements { get; }

    /// <summary>The welfare check with the running policy's rule (HTTP, county push).</summary>
    public Welfare.WelfareDesk Welfare { get; }

    /// <summary>Queues each finished day's absence counts for the county (Welfare/AbsenceReports).</summary>
    public Welfare.AbsenceReports Absences { get; }

    public RunningPolicy? Policy { get; }

    public CountyForwarder? Forwarder { get; }

    /// <summary>The last problem reading the policy file, empty when it loaded.</summary>
    public string PolicyProblem { get; private set; } = string.Empty;

    public SettleReport? LastRun { get; private set; }

    /// <summary>Loads the policy; false (with the reason in PolicyProblem) when the file is missing or bad.</summary>
    public bool LoadPolicy()
    {
        if (Policy is null)
        {
            PolicyProblem = "未指定补贴政策文件（--policy）";
            return false;
        }

        policyWritten = File.Exists(Policy.Path) ? File.GetLastWriteTimeUtc(Policy.Path) : default;
        bool loaded = Policy.TryReload(out string problem);
        PolicyProblem = problem;
        if (!loaded)
        {
            logger.LogError("Policy file not loaded, the running policy stays: {Problem}", problem);
        }
        else
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddMinutes(store.UtcOffsetMinutes));
            foreach (var disagreement in ConfigPolicyCheck.StoredConfigs(new SiteImages(store), Policy.Current!, today))
            {
                logger.LogWarning("A site's configuration no longer agrees with the policy; give the site its configuration again: {Problem}", disagreement);
            }
        }

        return loaded;
    }

    /// <summary>A settler with the running policy, or null (with the reason) when there is none.</summary>
    public Settler? Settler(out string problem)
    {
        problem = Policy?.Current is null ? (PolicyProblem.Length > 0 ? PolicyProblem : "没有可用的补贴政策") : string.Empty;
        return Policy?.Current is { } policy
            ? new Settler(store, new StatementBuilder(policy, store.Periods), options.GatewayId, options.Time)
            : null;
    }

    /// <summary>The gateway's clock (GatewayOptions.Time).</summary>
    public TimeProvider Time => options.Time;

    /// <summary>After each settlement run (periodic or on request), how long it took: for /metrics.</summary>
    public event Action<TimeSpan>? Settled;

    /// <summary>Why a month cannot be settled yet by the gateway's clock, or null.</summary>
    public string? NotBegun(string month) => MealGateway.Settlement.Settler.NotBegun(month, options.Time.GetUtcNow(), store.UtcOffsetMinutes);

    /// <summary>Settles a month on request (HTTP, CLI) and wakes the forwarder.</summary>
    public SettleReport? SettleMonth(string month, string? site, out string problem)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        var report = Settler(out problem)?.Settle(month, site);
        if (report is not null)
        {
            Settled?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        Forwarder?.Nudge();
        return report;
    }

    public void Start()
    {
        loops.Add(Task.Run(() => SettleLoopAsync(stopping.Token)));
        if (Forwarder is not null)
        {
            loops.Add(Task.Run(() => Forwarder.RunAsync(TimeSpan.FromSeconds(30), stopping.Token)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(loops);
        client?.Dispose();
    }

    private async Task SettleLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (Policy is not null && File.Exists(Policy.Path) && File.GetLastWriteTimeUtc(Policy.Path) != policyWritten)
                {
                    LoadPolicy();
                }

                var today = DateOnly.FromDateTime(options.Time.GetUtcNow().UtcDateTime.AddMinutes(store.UtcOffsetMinutes));
                if (Settler(out _) is { } settler)
                {
                    long started = System.Diagnostics.Stopwatch.GetTimestamp();
                    LastRun = settler.SettleDue(today);
                    Settled?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(started));
                    foreach (var problem in LastRun.Problems)
                    {
                        logger.LogError("Not settled: {Problem}", problem);
                    }

                    if (LastRun.Revisions.Count > 0)
                    {
                        logger.LogInformation("Settled {Count} new statement revisions", LastRun.Revisions.Count);
                        Forwarder?.Nudge();
                    }
                }

                if (Forwarder is not null && Absences.EnqueueDue() is > 0 and var days) // nothing to push without a county platform
                {
                    logger.LogInformation("Queued the absence counts of {Count} finished days for the county", days);
                    Forwarder?.Nudge();
                }

                await Task.Delay(options.SettleInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Settlement pass failed; trying again after the interval");
                await Task.Delay(options.SettleInterval, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
