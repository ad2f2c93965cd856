using System.Text;
using MealTerminal.Drivers.Provisioning;

namespace MealTerminal.Drivers.Tests.Provisioning;

/// <summary>A serial line in memory: what the host sent arrives in reads of at most ChunkSize bytes; what the terminal wrote is kept.</summary>
public sealed class SerialPipe : ISerialLine
{
    private readonly Queue<byte> _toTerminal = new();
    private readonly List<byte> _fromTerminal = new();

    public int ChunkSize { get; set; } = 7;

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    public void Send(byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            _toTerminal.Enqueue(b);
        }
    }

    /// <summary>Everything the terminal wrote so far, decoded, and forgets it.</summary>
    public string TakeOutput()
    {
        string text = Encoding.UTF8.GetString(_fromTerminal.ToArray());
        _fromTerminal.Clear();
        return text;
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        int n = 0;
        while (n < count && n < ChunkSize && _toTerminal.Count > 0)
        {
            buffer[offset + n++] = _toTerminal.Dequeue();
        }

        return n;
    }

    public void Write(byte[] buffer, int offset, int count) => _fromTerminal.AddRange(buffer.Skip(offset).Take(count));
}
