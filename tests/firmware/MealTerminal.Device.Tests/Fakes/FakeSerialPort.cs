namespace System.IO.Ports;

/// <summary>
/// Host fake with the members of nanoFramework.System.IO.Ports 1.1.132's SerialPort that UartSpeechPort
/// uses (the surface in firmware/NanoFramework.Surfaces is the faithful one). Records what is written;
/// a write can be held until the test releases it, as the ESP32 driver holds the caller until the
/// bytes are in the UART. Incoming holds bytes the module "sent".
/// </summary>
public sealed class SerialPort : IDisposable
{
    private readonly object gate = new();
    private readonly ManualResetEventSlim released = new(true);
    private readonly List<byte[]> writes = new();
    private int writesEntered;

    public SerialPort(string portName, int baudRate = 9600)
    {
        PortName = portName;
        BaudRate = baudRate;
    }

    public string PortName { get; }

    public int BaudRate { get; }

    public bool IsOpen { get; private set; }

    public int WriteTimeout { get; set; } = -1;

    public Queue<byte> Incoming { get; } = new();

    public int BytesToRead
    {
        get { lock (gate) { return Incoming.Count; } }
    }

    public IReadOnlyList<byte[]> Writes
    {
        get { lock (gate) { return writes.ToList(); } }
    }

    public void Open()
    {
        if (IsOpen)
        {
            throw new InvalidOperationException();
        }

        IsOpen = true;
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        lock (gate)
        {
            int n = 0;
            while (n < count && Incoming.Count > 0)
            {
                buffer[offset + n++] = Incoming.Dequeue();
            }

            return n;
        }
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        Assert.True(IsOpen, "written before Open");
        lock (gate)
        {
            writesEntered++;
            Monitor.PulseAll(gate);
        }

        if (!released.Wait(MealTerminal.Device.Tests.HangGuard.Limit))
        {
            throw new TimeoutException("the test never released the UART");
        }

        lock (gate)
        {
            writes.Add(buffer.AsSpan(offset, count).ToArray());
            Monitor.PulseAll(gate);
        }
    }

    public void Hold() => released.Reset();

    public void Release() => released.Set();

    public void WaitForWrites(int count) => MealTerminal.Device.Tests.HangGuard.Until(gate, () => writes.Count >= count, $"{count} writes on the UART");

    public void WaitForWriteEntered(int count) => MealTerminal.Device.Tests.HangGuard.Until(gate, () => writesEntered >= count, $"write {count} to the UART");

    public void Dispose() => IsOpen = false;
}
