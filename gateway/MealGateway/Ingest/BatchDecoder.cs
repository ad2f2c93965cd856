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

    /// <summary>
    /// Not a malformed payload: the batch's ledger epoch differs from the terminal's known one, or a
    /// stored sequence came with other content. Numbered apart from the other reasons because it is
    /// the ack status the terminal acts on (AckCodec.StatusIdentityConflict).
    /// </summary>
    IdentityConflict = AckCodec.StatusIdentityConflict,
}

/// <summary>What storing a batch answers: its status, and the acknowledgement in the terminal's own sequence and epoch.</summary>
public readonly record struct BatchOutcome(BatchRejection Status, long Acknowledged, uint Epoch);

/// <summary>One record as the gateway received it.</summary>
public sealed record ReceivedRecord(
    uint Sequence, int Verdict, int Period, int Category, bool ClockValid, int BootCount, uint ElderId, uint Time, string CardHex,
    bool AtDoor = false, bool Unregistered = false);

/// <summary>
/// A decoded batch. Epoch names the terminal's ledger (0 for version 1 batches, from firmware before
/// ledger epochs); Version is the batch format, which the acknowledgement answers in kind.
/// </summary>
public sealed record DecodedBatch(string TerminalId, uint FirstSequence, IReadOnlyList<ReceivedRecord> Records, uint Epoch = 0, int Version = RecordBatchCodec.FormatVersion);

/// <summary>
/// Strict decoder of terminal record batches: anything malformed is refused with a reason and
/// nothing of it is stored. Never throws on input. Reads format 2 (with the ledger epoch) and
/// format 1 (older firmware, read as epoch 0).
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

        int version = buffer[0];
        if (version != RecordBatchCodec.FormatVersion && version != RecordBatchCodec.LegacyFormatVersion)
        {
            return BatchRejection.UnsupportedVersion;
        }

        int idLength = buffer[1];
        int epochLength = version == RecordBatchCodec.FormatVersion ? 4 : 0;
        if (2 + idLength + epochLength + 6 > crcAt)
        {
            return BatchRejection.Truncated;
        }

        string terminal = System.Text.Encoding.ASCII.GetString(buffer, 2, idLength);
        if (terminal != expectedTerminal)
        {
            return BatchRejection.TerminalMismatch;
        }

        int at = 2 + idLength;
        uint epoch = epochLength == 0 ? 0 : LittleEndian.ReadUInt32(buffer, at);
        at += epochLength;
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
                scratch.ClockValid, scratch.BootCount, scratch.ElderId, scratch.Time, card, scratch.AtDoor, scratch.Unregistered));
        }

        if (at != crcAt)
        {
            return BatchRejection.TrailingBytes;
        }

        batch = new DecodedBatch(terminal, first, records, epoch, version);
        return BatchRejection.None;
    }
}
