using MealTerminal.Drivers.CardReader;

namespace MealGateway.DeskReader;

/// <summary>
/// Polls the desk reader on a thread of its own (the binding's SPI calls block) every PollInterval,
/// hands each tap on, and logs when the reader goes silent or comes back. Stopping waits for the
/// current exchange, then switches the antenna off and closes the SPI device.
/// </summary>
public sealed class DeskReaderLoop : IDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly DeskReader reader;
    private readonly Action<DeskTap> onTap;
    private readonly Action<bool> onHealthChange;
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;

    public DeskReaderLoop(DeskReader reader, Action<DeskTap> onTap, Action<bool> onHealthChange)
    {
        this.reader = reader;
        this.onTap = onTap;
        this.onHealthChange = onHealthChange;
        thread = new Thread(Run) { IsBackground = true, Name = "desk-reader" };
        thread.Start();
    }

    public ReaderHealth Health => reader.Health;

    private void Run()
    {
        bool? healthy = null;
        while (!stop.IsCancellationRequested)
        {
            var tap = reader.Poll();
            if (tap is not null)
            {
                onTap(tap);
            }

            if (healthy != reader.Health.Healthy)
            {
                healthy = reader.Health.Healthy;
                onHealthChange(healthy.Value);
            }

            stop.Token.WaitHandle.WaitOne(PollInterval);
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        reader.Dispose();
        stop.Dispose();
    }
}
