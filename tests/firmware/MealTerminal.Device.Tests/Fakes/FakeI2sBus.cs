using System.Device.I2s;

namespace MealTerminal.Device.Tests.Fakes;

/// <summary>
/// What reached the I2S bus: each device opened and the bytes written to it. Like the ESP32's
/// i2s_write, a write can be held (Hold) until the test releases it, as when the DMA buffers are full.
/// </summary>
public sealed class FakeI2sBus
{
    private readonly object gate = new();
    private readonly ManualResetEventSlim released = new(true);
    private readonly List<I2sDevice> devices = new();
    private readonly List<byte> bytes = new();
    private readonly List<(long Milliseconds, int Bytes)> writes = new();
    private int writesEntered;

    public IReadOnlyList<I2sDevice> Devices
    {
        get { lock (gate) { return devices.ToList(); } }
    }

    public byte[] Bytes
    {
        get { lock (gate) { return bytes.ToArray(); } }
    }

    /// <summary>The clock each write is stamped with (the speaker's, so the test can tell how far ahead of the bus it wrote).</summary>
    public Func<long> Now { get; set; } = () => 0;

    /// <summary>When each write entered the bus, and its size.</summary>
    public IReadOnlyList<(long Milliseconds, int Bytes)> Writes
    {
        get { lock (gate) { return writes.ToList(); } }
    }

    public void Hold() => released.Reset();

    public void Release() => released.Set();

    public void WaitForBytes(int count) => HangGuard.Until(gate, () => bytes.Count >= count, $"{count} bytes on the I2S bus");

    /// <summary>Waits until a write is in progress (and, when held, waiting for Release).</summary>
    public void WaitForWriteEntered(int count) => HangGuard.Until(gate, () => writesEntered >= count, $"write {count} to the I2S bus");

    internal void Opened(I2sDevice device)
    {
        lock (gate)
        {
            devices.Add(device);
        }
    }

    internal void Written(I2sDevice device, byte[] data)
    {
        lock (gate)
        {
            writesEntered++;
            writes.Add((Now(), data.Length));
            Monitor.PulseAll(gate);
        }

        if (!released.Wait(HangGuard.Limit))
        {
            throw new TimeoutException("the test never released the I2S bus");
        }

        lock (gate)
        {
            Assert.Same(devices[^1], device);
            bytes.AddRange(data);
            Monitor.PulseAll(gate);
        }
    }
}
