using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;

namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// The binary record batch (docs/protocol.md), little-endian:
    ///   header: u8 format version (2), u8 terminal id length n, n bytes terminal id (ASCII),
    ///           u32 ledger epoch, u32 first sequence, u16 record count
    ///           (version 1, from older firmware, is the same without the epoch; the gateway still reads it)
    ///   records, consecutive sequences: u8 verdict, u8 period | flags (bit 4 clock valid,
    ///           bit 5 card key follows, bit 6 at the door in a delivery round, bit 7 at the door of
    ///           an elder not registered for delivery), u8 category, u16 boot count, u32 elder id, u32 time,
    ///           [11 bytes card key, only when the card is not in the roster]
    ///   u32 CRC-32 of everything before it
    /// A known card's record is 13 bytes on the wire; the card key travels only for cards the
    /// gateway may need to enrol. A record the ledger can no longer read travels as a gap record:
    /// verdict 0xF0, every other field zero, so its sequence is acknowledged and the ring drains.
    /// The ledger epoch names the ledger the sequences count in: a wiped or replaced terminal starts
    /// a new epoch, so its new sequence 1 is never taken for the old one.
    /// </summary>
    public static class RecordBatchCodec
    {
        public const int FormatVersion = 2;

        /// <summary>The header before ledger epochs: no epoch field; the gateway reads it as epoch 0.</summary>
        public const int LegacyFormatVersion = 1;
        public const int MaxRecordsPerBatch = 100;
        public const int FixedRecordSize = 13;
        /// <summary>Wire verdict of a gap record: the ledger holds this sequence but cannot read it back.</summary>
        public const int GapVerdict = 0xF0;
        private const int ClockValidFlag = 0x10;
        private const int CardKeyFlag = 0x20;
        private const int AtDoorFlag = 0x40;
        private const int UnregisteredFlag = 0x80;

        public static int HeaderSize(string terminalId)
        {
            return 2 + terminalId.Length + 4 + 6;
        }

        /// <summary>Largest batch in bytes for a terminal id, to size the send buffer once.</summary>
        public static int MaxBatchSize(string terminalId)
        {
            return HeaderSize(terminalId) + (MaxRecordsPerBatch * (FixedRecordSize + Cards.CardKey.Size)) + 4;
        }

        /// <summary>Writes the header; records follow at the returned offset.</summary>
        public static int WriteHeader(byte[] buffer, string terminalId, uint epoch, uint firstSequence, int count)
        {
            buffer[0] = FormatVersion;
            buffer[1] = (byte)terminalId.Length;
            for (int i = 0; i < terminalId.Length; i++)
            {
                buffer[2 + i] = (byte)terminalId[i];
            }

            int at = 2 + terminalId.Length;
            LittleEndian.WriteUInt32(buffer, at, epoch);
            at += 4;
            LittleEndian.WriteUInt32(buffer, at, firstSequence);
            LittleEndian.WriteUInt16(buffer, at + 4, count);
            return at + 6;
        }

        public static int WriteRecord(byte[] buffer, int at, MealRecord record)
        {
            bool withKey = record.ElderId == 0;
            buffer[at] = (byte)record.Verdict;
            buffer[at + 1] = (byte)((record.Period & 0x0F) | (record.ClockValid ? ClockValidFlag : 0) | (withKey ? CardKeyFlag : 0)
                | (record.AtDoor ? AtDoorFlag : 0) | (record.AtDoor && record.Unregistered ? UnregisteredFlag : 0));
            buffer[at + 2] = (byte)record.Category;
            LittleEndian.WriteUInt16(buffer, at + 3, record.BootCount);
            LittleEndian.WriteUInt32(buffer, at + 5, record.ElderId);
            LittleEndian.WriteUInt32(buffer, at + 9, record.Time);
            at += FixedRecordSize;
            if (withKey)
            {
                for (int i = 0; i < Cards.CardKey.Size; i++)
                {
                    buffer[at + i] = record.CardKey[i];
                }

                at += Cards.CardKey.Size;
            }

            return at;
        }

        /// <summary>Writes a gap record (GapVerdict, every other field zero) for a sequence the ledger cannot read.</summary>
        public static int WriteGap(byte[] buffer, int at)
        {
            buffer[at] = GapVerdict;
            for (int i = 1; i < FixedRecordSize; i++)
            {
                buffer[at + i] = 0;
            }

            return at + FixedRecordSize;
        }

        /// <summary>Appends the CRC and returns the batch length.</summary>
        public static int Finish(byte[] buffer, int at)
        {
            LittleEndian.WriteUInt32(buffer, at, Crc32.Compute(buffer, 0, at));
            return at + 4;
        }

        /// <summary>
        /// Reads the record at `at` into record (sequence set by the caller); returns the offset after
        /// it, or -1 when the buffer ends first.
        /// </summary>
        public static int ReadRecord(byte[] buffer, int at, int end, MealRecord record)
        {
            if (at + FixedRecordSize > end)
            {
                return -1;
            }

            int flags = buffer[at + 1];
            record.Verdict = buffer[at];
            record.Period = flags & 0x0F;
            record.ClockValid = (flags & ClockValidFlag) != 0;
            record.AtDoor = (flags & AtDoorFlag) != 0;
            record.Unregistered = (flags & UnregisteredFlag) != 0;
            record.Category = buffer[at + 2];
            record.BootCount = LittleEndian.ReadUInt16(buffer, at + 3);
            record.ElderId = LittleEndian.ReadUInt32(buffer, at + 5);
            record.Time = LittleEndian.ReadUInt32(buffer, at + 9);
            at += FixedRecordSize;
            for (int i = 0; i < Cards.CardKey.Size; i++)
            {
                record.CardKey[i] = 0;
            }

            if ((flags & CardKeyFlag) != 0)
            {
                if (at + Cards.CardKey.Size > end)
                {
                    return -1;
                }

                for (int i = 0; i < Cards.CardKey.Size; i++)
                {
                    record.CardKey[i] = buffer[at + i];
                }

                at += Cards.CardKey.Size;
            }

            return at;
        }
    }
}
