using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Sync;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>
/// The gateway's side of the upload in miniature: decodes the batches a LoopbackUplink captured,
/// keeps each sequence once and acknowledges the contiguous prefix, the way MealGateway does.
/// </summary>
public sealed class FakeGateway(LoopbackUplink uplink)
{
    private int seen;

    public Dictionary<uint, MealRecord> Stored { get; } = new();

    public uint Contiguous { get; private set; }

    /// <summary>Stores the batches published since the last call; acknowledges unless told to drop the ack.</summary>
    public void Receive(bool deliverAck = true)
    {
        bool any = false;
        for (; seen < uplink.Batches.Count; seen++)
        {
            any |= Store(uplink.Batches[seen]);
        }

        while (Stored.ContainsKey(Contiguous + 1))
        {
            Contiguous++;
        }

        if (any && deliverAck)
        {
            uplink.DeliverAck(Contiguous);
        }
    }

    private bool Store(byte[] batch)
    {
        if (Crc32.Compute(batch, 0, batch.Length - 4) != LittleEndian.ReadUInt32(batch, batch.Length - 4))
        {
            throw new InvalidDataException("batch CRC");
        }

        int at = 2 + batch[1] + 4; // after the terminal id and the ledger epoch
        uint first = LittleEndian.ReadUInt32(batch, at);
        int count = LittleEndian.ReadUInt16(batch, at + 4);
        at += 6;
        for (int i = 0; i < count; i++)
        {
            var record = new MealRecord();
            at = RecordBatchCodec.ReadRecord(batch, at, batch.Length - 4, record);
            record.Sequence = first + (uint)i;
            Stored.TryAdd(record.Sequence, record);
        }

        return count > 0;
    }
}
