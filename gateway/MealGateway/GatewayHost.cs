using MealGateway.Broker;
using MealGateway.Ingest;
using MealGateway.Storage;
using MealGateway.Settlement;
using MealGateway.Web;
using MealTerminal.Core.Meals;

namespace MealGateway;

/// <summary>
/// A running gateway: broker (embedded, or an external one it connects to), ingest, database and
/// HTTP API, started and stopped as one.
/// Used by the service's `run` command, the demo and the tests.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly EmbeddedBroker? broker;
    private readonly IngestWorker ingest;
    private readonly WebApplication web;
    private DeskReader.DeskReaderLoop? desk;

    private GatewayHost(GatewayOptions options, EmbeddedBroker? broker, MealStore store, CredentialStore credentials, IngestWorker ingest, SettlementService settlement, WebApplication web, string httpUrl)
    {
        Settlement = settlement;
        Options = options;
        this.broker = broker;
        Store = store;
        Credentials = credentials;
        this.ingest = ingest;
        this.web = web;
        HttpUrl = httpUrl;
    }

    public GatewayOptions Options { get; }

    public MealStore Store { get; }

    /// <summary>Terminal logins for the embedded broker (provision and revoke).</summary>
    public CredentialStore Credentials { get; }

    /// <summary>Operator accounts and bearer tokens for the HTTP API.</summary>
    public Accounts.AccountStore Accounts { get; private init; } = null!;

    /// <summary>The embedded broker; null in external-broker mode.</summary>
    public EmbeddedBroker? Broker => broker;

    public IngestWorker Ingest => ingest;

    /// <summary>Policy, periodic settlement and county forwarding.</summary>
    public SettlementService Settlement { get; }

    /// <summary>Port of the broker the gateway uses (embedded or external).</summary>
    public int MqttPort { get; private init; }

    public string HttpUrl { get; }

    /// <summary>Taps at the enrolment desk reader; null when the gateway runs without one.</summary>
    public DeskReader.DeskTaps? DeskTaps { get; private init; }

    public static async Task<GatewayHost> StartAsync(GatewayOptions options, CancellationToken cancellationToken = default)
    {
        int mqttPort = options.MqttPort; // 0: the embedded broker binds a port the OS picks and says which
        int httpPort = options.HttpPort; // 0: Kestrel binds a port the OS picks, so no other test can take it first
        DataFiles.CreateDirectory(options.DataDirectory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None); // a start failure is thrown (GatewayStartException), not logged as a stack trace
        bool https = options.HttpsCertificatePath is not null;
        var bind = new UriBuilder(https ? "https" : "http", options.HttpBind.ToString(), httpPort).Uri;
        string httpUrl = bind.GetLeftPart(UriPartial.Authority);
        builder.WebHost.UseUrls(httpUrl);
        if (https)
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(options.HttpsCertificatePath!, options.HttpsCertificatePassword);
            builder.WebHost.UseKestrelHttpsConfiguration(); // the slim builder leaves https out
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
        }

        var accounts = new Accounts.AccountStore(options.DataDirectory, options.SecurityClock);
        WebSecurity.AddTo(builder, new WebSecurityOptions(https, AllowedHosts(options)), accounts, options.SecurityClock);
        var web = builder.Build();
        WebSecurity.Use(web);
        LoginApi.Map(web);
        var logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MealGateway");

        var credentials = new CredentialStore(options.DataDirectory);
        MealStore store;
        try
        {
            // First, so a second gateway on the same data directory fails before it takes any port.
            store = new MealStore(options.DataDirectory, options.UtcOffsetMinutes);
        }
        catch (IOException ex)
        {
            await web.DisposeAsync();
            throw GatewayStartException.Explain(ex, options, "store", 0)!;
        }

        EmbeddedBroker? broker = null;
        IngestWorker? ingest = null;
        SettlementService? settlement = null;
        string stage = "mqtt";
        try
        {
            BrokerConnection service;
            if (options.ExternalBroker is { } external)
            {
                service = external;
            }
            else
            {
                broker = await EmbeddedBroker.StartAsync(mqttPort, options.MqttBind, credentials, clock: options.SecurityClock);
                mqttPort = broker.Port;
                service = new BrokerConnection("127.0.0.1", mqttPort, EmbeddedBroker.ServiceUserName, broker.ServiceSecret);
            }

            stage = "other";
            DataFiles.RestrictToOwner(store.DatabasePath); // databases made before issue #14 were world-readable
            settlement = new SettlementService(store, options, logger);
            if (options.PolicyPath is not null && !settlement.LoadPolicy())
            {
                throw new InvalidDataException(settlement.PolicyProblem);
            }

            ingest = new IngestWorker(store, service, logger, TimeProvider.System, statusClock: options.StatusClock);
            if (options.FontImagePath is { } fontImage)
            {
                Downloads.FontImages.SeedShipped(ingest.Channels.Downloads.Images, fontImage, DateTime.UtcNow); // before the first heartbeat is answered
            }

            await ingest.StartAsync(cancellationToken);
            GatewayApi.Map(web, store, ingest, broker, () => settlement.Policy?.Current, options.RosterNames);
            StatementApi.Map(web, store, settlement);
            TerminalApi.Map(web, credentials, broker);
            Backup.BackupApi.Map(web, store, options.DataDirectory);
            Metrics.MetricsEndpoint.Map(web, new Metrics.GatewayMetrics(store, ingest, settlement, broker, new Terminals.TerminalLiveness(options.StatusClock)));
            var policy = settlement;
            var deskTaps = options.DeskReader is null ? null : new DeskReader.DeskTaps();
            OperatorConsole.ConsoleEndpoints.Map(web, new OperatorConsole.ConsoleServices(store, ingest, settlement, credentials, broker, accounts, () => policy.Policy?.Current)
            {
                Liveness = new Terminals.TerminalLiveness(options.StatusClock),
                DeskTaps = deskTaps,
            });
            DeskReader.DeskReaderLoop? desk = null;
            DeskReader.DeskApi.Map(web, deskTaps, () => desk?.Health);
            stage = "http";
            await web.StartAsync(cancellationToken);
            httpUrl = httpPort == 0 ? web.Urls.First() : httpUrl; // the bound address, with the port the OS gave
            settlement.Start();
            desk = StartDesk(options, deskTaps, logger); // last: nothing after it can fail and leave its thread running
            return new GatewayHost(options, broker, store, credentials, ingest, settlement, web, httpUrl) { MqttPort = service.Port, Accounts = accounts, DeskTaps = deskTaps, desk = desk };
        }
        catch (Exception ex)
        {
            await web.DisposeAsync();
            if (ingest is not null)
            {
                await ingest.DisposeAsync();
            }

            if (broker is not null)
            {
                await broker.DisposeAsync();
            }

            store.Dispose();
            if (GatewayStartException.Explain(ex, options, stage, stage == "mqtt" ? mqttPort : httpPort) is { } explained)
            {
                throw explained;
            }

            throw;
        }
    }

    private static DeskReader.DeskReaderLoop? StartDesk(GatewayOptions options, DeskReader.DeskTaps? taps, ILogger logger)
    {
        if (options.DeskReader is not { } spi || taps is null)
        {
            return null;
        }

        // Polling and the reader's watchdog run on the monotonic system clock; a tap is stamped on the gateway's clock, as the console shows it.
        var reader = new DeskReader.DeskReader(spi, new DeskReader.DeskClock(TimeProvider.System), options.Time);
        var loop = new DeskReader.DeskReaderLoop(reader, taps.Add, healthy =>
        {
            if (healthy)
            {
                logger.LogWarning("Desk reader answers (MFRC522 version register read)");
            }
            else
            {
                logger.LogWarning("Desk reader does not answer (VersionReg reads 00h/FFh): check its wiring and 3.3 V supply; retrying");
            }
        });
        return loop;
    }

    /// <summary>Host header values the HTTP API answers to (HostFiltering; a DNS-rebinding page sends its own name).</summary>
    private static List<string> AllowedHosts(GatewayOptions options)
    {
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        if (!options.HttpBind.Equals(System.Net.IPAddress.Any) && !options.HttpBind.Equals(System.Net.IPAddress.IPv6Any))
        {
            hosts.Add(new UriBuilder("http", options.HttpBind.ToString()).Uri.Host);
        }

        hosts.AddRange(options.HttpHostNames);
        return hosts;
    }

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
        desk?.Dispose();
        await Settlement.DisposeAsync();
        await ingest.DisposeAsync();
        if (broker is not null)
        {
            await broker.DisposeAsync();
        }
        Store.Dispose();
    }
}
