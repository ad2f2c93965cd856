using MealGateway.Broker;
using MealGateway.Downloads;
using MealGateway.Ingest;
using MealGateway.Policy;
using MealGateway.Settlement;
using MealGateway.Storage;
using MealGateway.Terminals;

namespace MealGateway.OperatorConsole;

/// <summary>
/// The gateway's own services the console pages call: the same classes behind the JSON API, so a
/// page never carries logic of its own. Times are shown in the gateway's local time (UTC offset).
/// </summary>
public sealed class ConsoleServices(
    MealStore store, IngestWorker ingest, SettlementService settlement, CredentialStore credentials, EmbeddedBroker? broker,
    Accounts.AccountStore accounts, Func<SubsidyPolicy?> policy)
{
    public MealStore Store => store;
    public IngestWorker Ingest => ingest;
    public SettlementService Settlement => settlement;
    public CredentialStore Credentials => credentials;
    public EmbeddedBroker? Broker => broker;
    public Accounts.AccountStore Accounts => accounts;
    public SubsidyPolicy? Policy => policy();
    public SiteImages Images => ingest.Channels.Downloads.Images;
    public CardEnrolments Enrolments { get; } = new(store, ingest.Channels.Downloads.Images);
    public ReviewDesk Reviews { get; } = new(store, settlement.Time);

    /// <summary>The welfare check behind GET/POST /api/welfare, on the running policy's 常来 rule.</summary>
    public Welfare.WelfareDesk Welfare => settlement.Welfare;

    /// <summary>The enrolment desk's taps; null when the gateway runs without a desk reader.</summary>
    public DeskReader.DeskTaps? DeskTaps { get; init; }

    /// <summary>On the clock that stamps heartbeats (GatewayOptions.StatusClock).</summary>
    public TerminalLiveness Liveness { get; init; } = new(TimeProvider.System);

    /// <summary>The gateway's time now, in local time (the clock settlement runs on).</summary>
    public DateTime LocalNow => settlement.Time.GetUtcNow().UtcDateTime.AddMinutes(store.UtcOffsetMinutes);

    public string Local(DateTime? utc) => utc is { } t ? t.AddMinutes(store.UtcOffsetMinutes).ToString("yyyy-MM-dd HH:mm") : "—";

    /// <summary>Every site the gateway knows of: with a roster, a configuration, a terminal or records.</summary>
    public IReadOnlyList<string> Sites() => Images.All().Select(i => i.Site)
        .Concat(credentials.All().Select(c => c.Site)).Concat(store.Terminals().Select(t => t.Site))
        .Distinct().Order(StringComparer.Ordinal).ToList();
}
