using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Sync;

namespace MealGateway.Ingest;

/// <summary>Why a payload was refused; counted per reason and shown to the operator.</summary>
public enum BatchRejection
{
    None = 0,
    TooShort,
    BadCrc,
    UnsupportedVersion,
    TerminalMismatch,
    AbsurdCount,
    Truncated,
    TrailingBytes,
    SequenceOverflow,

    /// <summary>A gap record (verdict 0xF0) with any other field set.</summary>
    MalformedGap,
}

/// <summary>One record as the gateway received it.</summary>
public sealed record ReceivedRecord(
    uint Sequence, int Verdict, int Period, int Category, bool ClockValid, int BootCount, uint ElderId, uint Time, string CardHex);

public sealed record DecodedBatch(string TerminalId, uint FirstSequence, IReadOnlyList<ReceivedRecord> Records);

/// <summary>
/// Strict decoder of terminal record batches: anything malformed is refused with a reason and
/// nothing of it is stored. Never throws on input.
/// </summary>
public static class BatchDecoder
{
    public static BatchRejection TryDecode(ReadOnlySpan<byte> payload, string expectedTerminal, out DecodedBatch? batch)
    {
        batch = null;
        if (payload.Length < 2 + 6 + 4)
        {
            return BatchRejection.TooShort;
        }

        var buffer = payload.ToArray();
        int crcAt = buffer.Length - 4;
        if (Crc32.Compute(buffer, 0, crcAt) != LittleEndian.ReadUInt32(buffer, crcAt))
        {
            return BatchRejection.BadCrc;
        }

        if (buffer[0] != RecordBatchCodec.FormatVersion)
        {
            return BatchRejection.UnsupportedVersion;
        }

        int idLength = buffer[1];
        if (2 + idLength + 6 > crcAt)
        {
            return BatchRejection.Truncated;
        }

        string terminal = System.Text.Encoding.ASCII.GetString(buffer, 2, idLength);
        if (terminal != expectedTerminal)
        {
            return BatchRejection.TerminalMismatch;
        }

        int at = 2 + idLength;
        uint first = LittleEndian.ReadUInt32(buffer, at);
        int count = LittleEndian.ReadUInt16(buffer, at + 4);
        at += 6;
        if (count == 0 || count > RecordBatchCodec.MaxRecordsPerBatch || first == 0)
        {
            return BatchRejection.AbsurdCount;
        }

        if (first + (ulong)count - 1 > uint.MaxValue)
        {
            return BatchRejection.SequenceOverflow;
        }

        var records = new List<ReceivedRecord>(count);
        var scratch = new MealRecord();
        for (int i = 0; i < count; i++)
        {
            int start = at;
            at = RecordBatchCodec.ReadRecord(buffer, at, crcAt, scratch);
            if (at < 0)
            {
                return BatchRejection.Truncated;
            }

            if (scratch.Verdict == RecordBatchCodec.GapVerdict && buffer.AsSpan(start + 1, RecordBatchCodec.FixedRecordSize - 1).ContainsAnyExcept((byte)0))
            {
                return BatchRejection.MalformedGap;
            }

            string card = scratch.CardKey[0] == 0 ? string.Empty : MealTerminal.Core.Cards.CardKey.ToHex(scratch.CardKey, 0);
            records.Add(new ReceivedRecord(first + (uint)i, scratch.Verdict, scratch.Period, scratch.Category,
                scratch.ClockValid, scratch.BootCount, scratch.ElderId, scratch.Time, card));
        }

        if (at != crcAt)
        {
            return BatchRejection.TrailingBytes;
        }

        batch = new DecodedBatch(terminal, first, records);
        return BatchRejection.None;
    }
}
