using System.Text.Json;
using MealGateway.Ingest;
using MealGateway.Storage;
using MealTerminal.Simulator;
using MealTerminal.Simulator.Demo;

namespace MealGateway.Tests.ExternalBroker;

/// <summary>
/// The gateway in external-broker mode against a real Mosquitto with a password file and an ACL
/// file. mosquitto_pub injects foreign and malformed messages: the broker refuses what its ACL
/// forbids, the gateway refuses the rest with a counted reason, and nothing stored changes.
/// </summary>
public sealed class MosquittoTests : IAsyncLifetime
{
    private const string Acl = """
        user meal-gateway
        topic readwrite meal/v1/#

        # %u is the terminal's user name, "{site}/{terminal}": each terminal only under its own topics
        pattern write meal/v1/%u/records
        pattern write meal/v1/%u/status
        pattern write meal/v1/%u/time-req
        pattern write meal/v1/%u/fetch
        pattern read meal/v1/%u/ack
        pattern read meal/v1/%u/time
        pattern read meal/v1/%u/roster
        pattern read meal/v1/%u/config
        pattern read meal/v1/%u/chunk
        pattern read meal/v1/%u/voice
        pattern read meal/v1/%u/font
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("mosquitto-").FullName;
    private Mosquitto mosquitto = null!;
    private GatewayHost gateway = null!;
    private SimulatedTerminal terminal = null!;

    public async Task InitializeAsync()
    {
        mosquitto = await Mosquitto.StartAsync(directory,
            [("meal-gateway", "gateway-secret"), ("S01/T01", "t01-secret"), ("S01/T02", "t02-secret")], Acl);
        gateway = await GatewayHost.StartAsync(new GatewayOptions
        {
            DataDirectory = Path.Combine(directory, "gateway"), HttpPort = 0,
            ExternalBroker = new BrokerConnection("127.0.0.1", mosquitto.Port, "meal-gateway", "gateway-secret"),
        });
        StartTerminal();
    }

    private void StartTerminal()
    {
        terminal = new SimulatedTerminal("S01", "T01", Path.Combine(directory, "t01.flash"), "127.0.0.1", mosquitto.Port, password: "t01-secret");
        terminal.Boot(SyntheticDay.RosterImage());
    }

    public async Task DisposeAsync()
    {
        await terminal.DisposeAsync();
        await gateway.DisposeAsync();
        mosquitto.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task TerminalGetsItsTimeAndTheSitesConfigThroughMosquitto()
    {
        var image = gateway.Ingest.Channels.Downloads.Images.SetConfig("S01", new MealTerminal.Core.Meals.ConfigValues
        {
            Periods = MealTerminal.Core.Meals.TerminalConfig.DefaultPeriods(),
            StorageWarningPercent = 70,
        }, "test", DateTime.UtcNow);
        await gateway.Ingest.AnnounceAsync(image); // what POST /api/configs/S01 does; a heartbeat after this would also bring the offer
        Assert.True(await terminal.RunUntilAsync(() => terminal.Clock.IsWallClockValid && terminal.Core.Config.ConfigVersion == image.Version, HangGuard.Limit));
        Assert.InRange((terminal.Clock.UtcNow - DateTime.UtcNow).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(MealTerminal.Core.Sync.TimeSync.MaxRoundTripMilliseconds / 2 + 500)); // half the slowest round trip accepted
        Assert.Equal(70, terminal.Core.Config.StorageWarningPercent);
    }

    [Fact]
    public async Task TerminalUploadsThroughMosquitto_AndIsAcknowledged()
    {
        await UploadAsync(250);
        Assert.Equal(250, gateway.Store.AcknowledgedOf("S01", "T01"));
        Assert.Equal(250u, terminal.Core.Ledger.AcknowledgedSequence);
    }

    [Fact]
    public async Task ForeignAndMalformedMessages_ChangeNothingStoredAndAreCounted()
    {
        await UploadAsync(120);
        string before = Snapshot();
        var good = Batches.Meals("T01", 121, 20);

        // The client id is the login, so each mosquitto_pub as S01/T01 takes the terminal's session
        // over, and the terminal's reconnect would in turn cut a publish short: power it off meanwhile.
        await terminal.DisposeAsync();

        // Refused by Mosquitto's ACL or login: never reach the gateway.
        var asOther = await PublishAsync("S01/T01", "t01-secret", "meal/v1/S01/T02/records", Batches.Meals("T02", 1, 5));
        Assert.Contains("Not authorized", asOther.Output);
        var fakeAck = await PublishAsync("S01/T01", "t01-secret", "meal/v1/S01/T02/ack", new byte[10]);
        Assert.Contains("Not authorized", fakeAck.Output);
        var unknown = await PublishAsync("S01/T09", "guess", "meal/v1/S01/T09/records", good);
        Assert.NotEqual(0, unknown.ExitCode);

        // Let through by the broker (the terminal's own topic), refused by the gateway.
        var injected = new (byte[] Payload, BatchRejection Reason)[]
        {
            (Batches.Meals("T02", 1, 5), BatchRejection.TerminalMismatch),
            (MalformedBatches.BadCrc(good), BatchRejection.BadCrc),
            (MalformedBatches.WrongVersion(good), BatchRejection.UnsupportedVersion),
            (MalformedBatches.AbsurdCount(good), BatchRejection.AbsurdCount),
            (MalformedBatches.Truncated(good), BatchRejection.Truncated),
            ([1, 3, 0], BatchRejection.TooShort),
        };
        foreach (var (payload, _) in injected)
        {
            Assert.Equal(0, (await PublishAsync("S01/T01", "t01-secret", "meal/v1/S01/T01/records", payload)).ExitCode);
        }

        Assert.Equal(0, (await mosquitto.PublishAsync("-u", "S01/T01", "-P", "t01-secret", "-i", "inject-empty", "-q", "1",
            "-t", "meal/v1/S01/T01/records", "-n")).ExitCode);

        await WaitAsync(() => gateway.Ingest.Rejections.Values.Sum() >= injected.Length + 1);
        foreach (var group in injected.GroupBy(i => i.Reason))
        {
            Assert.Equal(group.Count() + (group.Key == BatchRejection.TooShort ? 1 : 0), gateway.Ingest.Rejections[group.Key]);
        }

        Assert.Equal(before, Snapshot());
        using var http = new HttpClient();
        string health = await http.GetStringAsync($"{gateway.HttpUrl}/api/health");
        Assert.Contains("\"BadCrc\":1", health);
        Assert.Contains("\"TerminalMismatch\":1", health);
        Assert.Contains("\"rejectionsByTerminal\":{\"S01/T01\":{", health);

        StartTerminal();
        await UploadAsync(10); // and the gateway carries on
        Assert.Equal(130, gateway.Store.AcknowledgedOf("S01", "T01"));
    }

    private Task<(int ExitCode, string Output)> PublishAsync(string user, string password, string topic, byte[] payload)
    {
        string file = Path.Combine(directory, $"payload-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(file, payload);
        return mosquitto.PublishAsync("-V", "mqttv5", "-u", user, "-P", password, "-i", $"inject-{Guid.NewGuid():N}"[..20],
            "-q", "1", "-t", topic, "-f", file);
    }

    private string Snapshot() => JsonSerializer.Serialize(new
    {
        t01 = gateway.Store.RecordsOf("S01", "T01").Select(r => r.Sequence),
        t02 = gateway.Store.RecordsOf("S01", "T02").Count,
        terminals = gateway.Store.Terminals().Select(t => (t.Id, t.ContiguousSequence, t.RecordsStored, t.HighestSequence)),
        tallies = gateway.Store.TalliesForDay("2026-11-23").Select(c => (c.Site, c.Period, c.Category, c.Meals)),
    });

    private async Task UploadAsync(int records)
    {
        uint target = terminal.Core.Ledger.NextSequence - 1 + (uint)records;
        for (int i = 0; i < records; i++)
        {
            terminal.Core.Ledger.Append(new MealTerminal.Core.Ledger.MealRecord
            {
                Verdict = MealTerminal.Core.Meals.VerdictCode.Accepted, Period = 1, Category = 1, ClockValid = true,
                ElderId = (uint)(500 + i), Time = MealTerminal.Core.Meals.LocalTime.ToRecordSeconds(new DateTime(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc)),
            });
        }

        await WaitAsync(() =>
        {
            terminal.Clock.Advance(TimeSpan.FromMilliseconds(200));
            terminal.Core.Tick();
            return terminal.Core.Ledger.AcknowledgedSequence >= target;
        });
    }

    private async Task WaitAsync(Func<bool> done)
    {
        using var hang = new CancellationTokenSource(HangGuard.Limit);
        while (!done())
        {
            Assert.False(hang.IsCancellationRequested, "hung waiting over MQTT");
            await terminal.Uplink.WaitForInboundAsync(TimeSpan.FromMilliseconds(10)); // wakes on the ack
        }
    }
}
