using MealGateway.Backup;
using MealGateway.Broker;
using MealGateway.Ingest;
using MealGateway.Settlement;
using MealGateway.Storage;
using MealGateway.Tests.Security;
using MealGateway.Tests.Settlement;

namespace MealGateway.Tests.Backup;

/// <summary>
/// Issue #16: an online backup taken through GET /api/backup while batches are being stored,
/// restored into a fresh data directory, has every record acknowledged before it was asked for,
/// only whole transactions (each terminal's records a contiguous prefix, tallied), every
/// statement revision, and the terminal logins.
/// </summary>
public sealed class BackupRoundTripTests : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "backup-" + Guid.NewGuid().ToString("N"));
    private GatewayHost gateway = null!;

    private string Data => Path.Combine(root, "data");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(root);
        string policy = Path.Combine(root, "policy.txt");
        await File.WriteAllTextAsync(policy, MonthRig.PolicyText);
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = Data, MqttPort = 0, HttpPort = 0, PolicyPath = policy });
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task BackupWhileIngesting_RestoresIntoAFreshDirectory_WithEveryAcknowledgedRecordAndEveryStatement()
    {
        for (uint first = 1; first <= 16; first += 5)
        {
            Store("T01", first, 5);
        }

        Assert.NotNull(gateway.Settlement.SettleMonth("2026-11", null, out _));
        var heads = new SettlementStore(gateway.Store).Heads().Select(h => (h.Id, h.Revision)).ToList();
        Assert.NotEmpty(heads);
        gateway.Credentials.Provision("S01", "T01");

        using var stop = new CancellationTokenSource();
        var ingesting = new TaskCompletionSource();
        long stored = 0;
        // Its own thread: a busy loop on the thread pool can keep the HTTP handler waiting on a 2-core machine.
        var ingest = Task.Factory.StartNew(
            () =>
            {
                for (uint first = 1; !stop.IsCancellationRequested; first += 5)
                {
                    Interlocked.Exchange(ref stored, Store("T02", first, 5));
                    ingesting.TrySetResult();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        await HangGuard.Of(ingesting.Task, "the ingest loop's first batch");

        long acknowledgedBefore = Interlocked.Read(ref stored);
        using var county = OperatorClients.County(gateway);
        var answer = await county.GetAsync("/api/backup");
        byte[] backup = await answer.Content.ReadAsByteArrayAsync();
        long acknowledgedAfter = Interlocked.Read(ref stored);
        await stop.CancelAsync();
        await HangGuard.Of(ingest, "the ingest loop to stop");
        Assert.True(answer.IsSuccessStatusCode, $"{answer.StatusCode}");

        string fresh = Path.Combine(root, "restored");
        var restored = GatewayBackup.Restore(new MemoryStream(backup), fresh, out string problem);
        Assert.True(restored is not null, problem);

        using var store = new MealStore(fresh, 8 * 60);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), store.RecordsOf("S01", "T01").Select(r => r.Sequence));
        var t02 = store.RecordsOf("S01", "T02").Select(r => r.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, t02.Count).Select(i => (long)i), t02); // whole transactions only
        Assert.InRange(t02.Count, acknowledgedBefore, Math.Max(acknowledgedAfter, acknowledgedBefore) + 5);
        Assert.Equal(20 + t02.Count, store.TalliesForDay("2026-11-23").Sum(c => c.Meals)); // tallies in step with records
        Assert.Equal(heads, new SettlementStore(store).Heads().Select(h => (h.Id, h.Revision)).ToList());
        Assert.Equal(20, new SettlementStore(store).Revision(StatementKind.Monthly, "S01", "2026-11")!.Totals.Meals);
        Assert.Contains(new CredentialStore(fresh).All(), c => c.Id == "S01/T01");
        Assert.Equal(20 + t02.Count, restored!.Records);
    }

    [Fact]
    public async Task Backup_IsForTheCountyOnly_AndRestoreRefusesADirectoryWithADatabase()
    {
        using var township = OperatorClients.Township(gateway, "S01");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await township.GetAsync("/api/backup")).StatusCode);

        using var county = OperatorClients.County(gateway);
        byte[] backup = await county.GetByteArrayAsync("/api/backup");
        string occupied = Path.Combine(root, "occupied");
        Assert.NotNull(GatewayBackup.Restore(new MemoryStream(backup), occupied, out _));
        long before = new FileInfo(Path.Combine(occupied, "meals.db")).Length;

        Assert.Null(GatewayBackup.Restore(new MemoryStream(backup), occupied, out string problem));
        Assert.Contains("空目录", problem);
        Assert.Null(GatewayBackup.Restore(new MemoryStream("not a zip"u8.ToArray()), Path.Combine(root, "other"), out problem));
        Assert.False(File.Exists(Path.Combine(root, "other", "meals.db")));
        Assert.Equal(before, new FileInfo(Path.Combine(occupied, "meals.db")).Length);
    }

    private long Store(string terminal, uint first, int count)
    {
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(Batches.Meals(terminal, first, count), terminal, out var batch));
        return gateway.Store.StoreBatch("S01", batch!, DateTime.UtcNow);
    }
}
