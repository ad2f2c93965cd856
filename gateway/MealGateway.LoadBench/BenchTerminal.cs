using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Sync;
using MealTerminal.Simulator.Adapters;

namespace MealGateway.LoadBench;

/// <summary>
/// A terminal reduced to what uploads: ledger and state log in RAM flash (2 + 64 sectors of 4 KB,
/// room for the 5,000-record backlog), the core's SyncSession and the simulator's MQTT uplink.
/// </summary>
public sealed class BenchTerminal : IAsyncDisposable
{
    private const int LedgerSectors = 64;

    public BenchTerminal(int number, string host, int port, string secret)
    {
        var flash = new RamFlash(2 + LedgerSectors, 4096, 256);
        var state = new StateLog(flash, 0);
        state.Mount();
        Ledger = new MealLedger(flash, state, 2, LedgerSectors);
        Ledger.Mount();
        Uplink = new MqttUplink(host, port, BenchRecords.Site(number), BenchRecords.Terminal(number), secret);
        Sync = new SyncSession(Ledger, Uplink, BenchRecords.Terminal(number));
        Number = number;
    }

    public int Number { get; }

    public MealLedger Ledger { get; }

    public SyncSession Sync { get; }

    public MqttUplink Uplink { get; }

    public void Fill(int backlog)
    {
        for (int i = 0; i < backlog; i++)
        {
            if (!Ledger.Append(BenchRecords.Meal(Number, i)))
            {
                throw new InvalidOperationException("bench ledger too small");
            }
        }
    }

    public ValueTask DisposeAsync() => Uplink.DisposeAsync();
}
