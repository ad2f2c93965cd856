using MealTerminal.Core.Sync;

namespace MealGateway.Tests.Delivery;

/// <summary>An uplink that keeps what the terminal publishes on its records channel; offline until told.</summary>
public sealed class CapturingUplink : IUplink
{
    public bool IsConnected { get; set; }

    public List<byte[]> Batches { get; } = new();

    public bool Publish(int channel, byte[] payload, int offset, int count)
    {
        if (!IsConnected)
        {
            return false;
        }

        if (channel == UplinkChannel.Records)
        {
            Batches.Add(payload.AsSpan(offset, count).ToArray());
        }

        return true;
    }

    public int TryReceive(byte[] buffer, out int channel)
    {
        channel = 0;
        return -1;
    }
}
