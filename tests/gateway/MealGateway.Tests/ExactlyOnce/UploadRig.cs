using MealGateway.Broker;
using MealGateway.Ingest;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Simulator;
using MealTerminal.Simulator.Demo;

namespace MealGateway.Tests.ExactlyOnce;

/// <summary>
/// Real MQTT on loopback: a broker of its own (the embedded one, started standalone so it can be
/// restarted apart from the gateway), a gateway connected to it as to an external broker, and
/// simulated terminals (portable core, file flash, MQTTnet uplink) with record backlogs. Terminal
/// time is simulated: each pump step advances every terminal's clock by 200 ms and ticks it.
/// </summary>
public sealed class UploadRig : IAsyncDisposable
{
    public const string Day = "2026-11-23";
    private static readonly uint Lunch = LocalTime.ToRecordSeconds(new DateTime(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc));
    private readonly string serviceSecret = PasswordHash.NewSecret();
    private readonly Dictionary<string, string> secrets = new();
    private readonly Dictionary<string, int> recorded = new();

    private UploadRig(string directory, int port, string credentialsDirectory)
    {
        Directory = directory;
        Port = port;
        Credentials = new CredentialStore(Path.Combine(directory, credentialsDirectory));
    }

    public string Directory { get; }

    public int Port { get; }

    public CredentialStore Credentials { get; }

    public EmbeddedBroker? Broker { get; private set; }

    public GatewayHost? Gateway { get; private set; }

    public List<SimulatedTerminal> Terminals { get; } = new();

    public BrokerConnection Service(string clientId) => new("127.0.0.1", Port, EmbeddedBroker.ServiceUserName, serviceSecret, clientId);

    /// <summary>The data directory of the gateway (in-process, or a child process the test runs).</summary>
    public string GatewayDirectory => Path.Combine(Directory, "gateway");

    /// <summary>
    /// Terminals S01/T01, S02/T02, ... one per site, each with a backlog of meal records. Without
    /// an own gateway, terminals are provisioned in GatewayDirectory for a gateway process with
    /// its embedded broker on Port, which the test starts.
    /// </summary>
    public static async Task<UploadRig> StartAsync(int terminals, int backlog, bool ownGateway = true)
    {
        var rig = new UploadRig(System.IO.Directory.CreateTempSubdirectory("upload-").FullName, FreePort.Pick(), ownGateway ? "broker" : "gateway");
        if (ownGateway)
        {
            await rig.StartBrokerAsync();
            await rig.StartGatewayAsync();
        }

        for (int i = 1; i <= terminals; i++)
        {
            var (site, id) = ($"S{i:D2}", $"T{i:D2}");
            rig.secrets[id] = rig.Credentials.Provision(site, id);
            rig.recorded[id] = 0;
            rig.Terminals.Add(rig.Boot(site, id));
            rig.Record(rig.Terminals[^1], backlog);
        }

        return rig;
    }

    public async Task StartBrokerAsync() =>
        Broker = await EmbeddedBroker.StartAsync(Port, System.Net.IPAddress.Loopback, Credentials, serviceSecret);

    public async Task StopBrokerAsync()
    {
        await Broker!.DisposeAsync();
        Broker = null;
    }

    public async Task StartGatewayAsync(string dataName = "gateway", string clientId = "meal-gateway-ingest") =>
        Gateway = await GatewayHost.StartAsync(new GatewayOptions
        {
            DataDirectory = Path.Combine(Directory, dataName), HttpPort = 0, ExternalBroker = Service(clientId),
        });

    public async Task StopGatewayAsync()
    {
        await Gateway!.DisposeAsync();
        Gateway = null;
    }

    /// <summary>Appends meal records to a terminal's ledger, as taps would.</summary>
    public void Record(SimulatedTerminal terminal, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int n = recorded[terminal.TerminalId]++;
            var record = new MealRecord
            {
                Verdict = VerdictCode.Accepted, Period = 1, Category = n % ElderCategory.Count, ClockValid = true,
                ElderId = (uint)(1000 + n), Time = Lunch + (uint)n, BootCount = terminal.Core.BootCount,
            };
            if (!terminal.Core.Ledger.Append(record))
            {
                throw new InvalidOperationException("ledger full");
            }
        }
    }

    /// <summary>Power-cycles a terminal: a new core on the same flash file, as after a reboot.</summary>
    public async Task RebootAsync(int index)
    {
        var old = Terminals[index];
        await old.DisposeAsync();
        Terminals[index] = Boot(old.Site, old.TerminalId);
    }

    /// <summary>Wipes a terminal: a new core on a blank flash file (ledger and state log gone), same site and id.</summary>
    public async Task WipeAsync(int index)
    {
        var old = Terminals[index];
        await old.DisposeAsync();
        File.Delete(Path.Combine(Directory, $"{old.Site}-{old.TerminalId}.flash"));
        Terminals[index] = Boot(old.Site, old.TerminalId);
    }

    public int RecordedBy(string terminal) => recorded[terminal];

    /// <summary>A condition that holds after the given number of pump steps.</summary>
    public static Func<bool> Steps(int count)
    {
        int done = 0;
        return () => ++done > count;
    }

    /// <summary>
    /// Ticks every terminal (200 ms of simulated time a step) until the condition holds, waking as
    /// soon as any terminal receives a message; fails only on a hang (HangGuard).
    /// </summary>
    public async Task PumpUntilAsync(Func<bool> done, string what)
    {
        using var hang = new CancellationTokenSource(HangGuard.Limit);
        while (!done())
        {
            if (hang.IsCancellationRequested)
            {
                throw new TimeoutException($"{what}: still pending {string.Join(", ", Terminals.Select(t => $"{t.TerminalId}={t.Core.Ledger.PendingCount}"))}");
            }

            foreach (var t in Terminals)
            {
                t.Clock.Advance(TimeSpan.FromMilliseconds(200));
                t.Core.Tick();
            }

            await Task.WhenAny(Terminals.Select(t => t.Uplink.WaitForInboundAsync(TimeSpan.FromMilliseconds(10))));
        }
    }

    public bool AllAcknowledged() => Terminals.All(t => t.Core.Ledger.PendingCount == 0);

    public IReadOnlyList<DeliveryAudit> Audit() =>
        Terminals.Select(t => DeliveryAudit.Of(Gateway!.Store, t.Site, t.TerminalId, recorded[t.TerminalId], Day)).ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var t in Terminals)
        {
            await t.DisposeAsync();
        }

        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private SimulatedTerminal Boot(string site, string id)
    {
        var t = new SimulatedTerminal(site, id, Path.Combine(Directory, $"{site}-{id}.flash"), "127.0.0.1", Port, password: secrets[id]);
        t.Boot(SyntheticDay.RosterImage());
        return t;
    }
}
