using MealTerminal.Core.Sync;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>An uplink that keeps what is published and lets the test deliver inbound messages.</summary>
public sealed class LoopbackUplink : IUplink
{
    private readonly Queue<(int Channel, byte[] Payload)> inbound = new();

    public bool IsConnected { get; set; } = true;

    public List<byte[]> Batches { get; } = new();

    /// <summary>Everything published, in order, with its channel.</summary>
    public List<(int Channel, byte[] Payload)> Published { get; } = new();

    public List<byte[]> On(int channel) => Published.Where(p => p.Channel == channel).Select(p => p.Payload).ToList();

    public bool Publish(int channel, byte[] payload, int offset, int count)
    {
        if (!IsConnected)
        {
            return false;
        }

        Published.Add((channel, payload.AsSpan(offset, count).ToArray()));
        if (channel == UplinkChannel.Records)
        {
            Batches.Add(payload.AsSpan(offset, count).ToArray());
            LastEpoch = MealTerminal.Core.Integrity.LittleEndian.ReadUInt32(payload, offset + 2 + payload[offset + 1]);
        }

        return true;
    }

    public void Deliver(int channel, byte[] payload) => inbound.Enqueue((channel, payload));

    /// <summary>The ledger epoch of the last batch published: what a gateway answers in its acks.</summary>
    public uint LastEpoch { get; private set; }

    /// <summary>Delivers a "stored" acknowledgement for the epoch of the last batch.</summary>
    public void DeliverAck(uint sequence) => DeliverAck(sequence, LastEpoch, AckCodec.StatusStored);

    public void DeliverAck(uint sequence, uint epoch, int status)
    {
        var ack = new byte[AckCodec.Size];
        AckCodec.Encode(ack, status, sequence, epoch);
        Deliver(UplinkChannel.Ack, ack);
    }

    public int TryReceive(byte[] buffer, out int channel)
    {
        channel = 0;
        if (inbound.Count == 0)
        {
            return -1;
        }

        var (c, payload) = inbound.Dequeue();
        payload.CopyTo(buffer, 0);
        channel = c;
        return payload.Length;
    }
}
