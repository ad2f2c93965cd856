using MealTerminal.Core.Integrity;

namespace MealGateway.Tests.ExternalBroker;

/// <summary>Batches broken in one specific way each, with a valid CRC where the flaw is elsewhere.</summary>
public static class MalformedBatches
{
    public static byte[] BadCrc(byte[] batch) => Changed(batch, b => b[^1] ^= 0x5A, fixCrc: false);

    public static byte[] WrongVersion(byte[] batch) => Changed(batch, b => b[0] = 9, fixCrc: true);

    /// <summary>Count field (after version, id length, id and first sequence) set to 60,000.</summary>
    public static byte[] AbsurdCount(byte[] batch) => Changed(batch, b => LittleEndianCount(b, 60000), fixCrc: true);

    /// <summary>Records cut in the middle, CRC recomputed over what is left.</summary>
    public static byte[] Truncated(byte[] batch)
    {
        var body = batch[..(batch.Length - 4 - 7)];
        var cut = new byte[body.Length + 4];
        body.CopyTo(cut, 0);
        LittleEndian.WriteUInt32(cut, body.Length, Crc32.Compute(cut, 0, body.Length));
        return cut;
    }

    private static void LittleEndianCount(byte[] b, int count)
    {
        int at = 2 + b[1] + 4 + 4; // after the terminal id, the ledger epoch and the first sequence
        b[at] = (byte)count;
        b[at + 1] = (byte)(count >> 8);
    }

    private static byte[] Changed(byte[] batch, Action<byte[]> change, bool fixCrc)
    {
        var copy = (byte[])batch.Clone();
        change(copy);
        if (fixCrc)
        {
            LittleEndian.WriteUInt32(copy, copy.Length - 4, Crc32.Compute(copy, 0, copy.Length - 4));
        }

        return copy;
    }
}
