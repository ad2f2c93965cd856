using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// The 16-byte on-flash slot (docs/formats.md), little-endian, 16 slots per 256-byte page so a
    /// slot never straddles a page program. A record is one slot, or two when it carries the card
    /// key of a card not in the roster:
    ///   record:       0 u8 sequence - sector's first sequence | 1 u8 verdict (low nibble), period
    ///                 (high nibble) | 2 u8 category (low nibble), bit 4 clock valid, bit 5 card key
    ///                 follows, bit 6 clear: at the door in a delivery round, bit 7 clear: at the
    ///                 door of an elder not registered for delivery (both set on canteen records,
    ///                 as before delivery existed) | 3 u16 boot count | 5 u24 elder id | 8 u32 time | 12 u32 CRC-32 of 0..11
    ///   continuation: 0 u8 same offset | 1 u8 0x0F | UID length &lt;&lt; 4 | 2 10 bytes UID (zero
    ///                 padded) | 12 u32 CRC-32 of 0..11
    /// Verdict 15 is never used, so the low nibble of byte 1 tells a continuation from a record.
    /// </summary>
    public static class RecordCodec
    {
        public const int Size = 16;
        public const uint MaxElderId = 0xFFFFFF;
        public const int MaxOffset = 0xFF;
        private const int CrcOffset = 12;
        private const int ContinuationMarker = 0x0F;
        private const int ClockValidFlag = 0x10;
        private const int CardKeyFlag = 0x20;

        /// <summary>Cleared, not set: bits 6-7 were written as 1 before delivery existed, so older records read as canteen taps.</summary>
        private const int CanteenFlag = 0x40;
        private const int RegisteredFlag = 0x80;

        /// <summary>Slots a record takes: 2 when its card key must be kept (the card is not in the roster).</summary>
        public static int SlotsFor(MealRecord record)
        {
            return record.ElderId == 0 ? 2 : 1;
        }

        /// <summary>Encodes the record (and its continuation when SlotsFor is 2) at buffer[offset..].</summary>
        public static void Encode(MealRecord record, int sequenceOffset, byte[] buffer, int offset)
        {
            bool withKey = SlotsFor(record) == 2;
            buffer[offset] = (byte)sequenceOffset;
            buffer[offset + 1] = (byte)((record.Verdict & 0x0F) | ((record.Period & 0x0F) << 4));
            buffer[offset + 2] = (byte)((record.Category & 0x0F) | (record.ClockValid ? ClockValidFlag : 0) | (withKey ? CardKeyFlag : 0)
                | (record.AtDoor ? 0 : CanteenFlag) | (record.AtDoor && record.Unregistered ? 0 : RegisteredFlag));
            LittleEndian.WriteUInt16(buffer, offset + 3, record.BootCount);
            buffer[offset + 5] = (byte)record.ElderId;
            buffer[offset + 6] = (byte)(record.ElderId >> 8);
            buffer[offset + 7] = (byte)(record.ElderId >> 16);
            LittleEndian.WriteUInt32(buffer, offset + 8, record.Time);
            LittleEndian.WriteUInt32(buffer, offset + CrcOffset, Crc32.Compute(buffer, offset, CrcOffset));
            if (!withKey)
            {
                return;
            }

            int c = offset + Size;
            buffer[c] = (byte)sequenceOffset;
            buffer[c + 1] = (byte)(ContinuationMarker | (record.CardKey[0] << 4));
            for (int i = 0; i < 10; i++)
            {
                buffer[c + 2 + i] = record.CardKey[1 + i];
            }

            LittleEndian.WriteUInt32(buffer, c + CrcOffset, Crc32.Compute(buffer, c, CrcOffset));
        }

        /// <summary>True when the slot's CRC holds (it is neither torn nor corrupt).</summary>
        public static bool IsIntact(byte[] buffer, int offset)
        {
            return Crc32.Compute(buffer, offset, CrcOffset) == LittleEndian.ReadUInt32(buffer, offset + CrcOffset);
        }

        public static bool IsContinuation(byte[] buffer, int offset)
        {
            return (buffer[offset + 1] & 0x0F) == ContinuationMarker;
        }

        public static bool NeedsContinuation(byte[] buffer, int offset)
        {
            return (buffer[offset + 2] & CardKeyFlag) != 0;
        }

        public static int OffsetOf(byte[] buffer, int offset)
        {
            return buffer[offset];
        }

        /// <summary>Decodes an intact record slot; the card key is cleared (see DecodeCardKey).</summary>
        public static void Decode(byte[] buffer, int offset, uint sectorFirstSequence, MealRecord record)
        {
            record.Sequence = sectorFirstSequence + buffer[offset];
            record.Verdict = buffer[offset + 1] & 0x0F;
            record.Period = buffer[offset + 1] >> 4;
            record.Category = buffer[offset + 2] & 0x0F;
            record.ClockValid = (buffer[offset + 2] & ClockValidFlag) != 0;
            record.AtDoor = (buffer[offset + 2] & CanteenFlag) == 0;
            record.Unregistered = record.AtDoor && (buffer[offset + 2] & RegisteredFlag) == 0;
            record.BootCount = LittleEndian.ReadUInt16(buffer, offset + 3);
            record.ElderId = (uint)(buffer[offset + 5] | (buffer[offset + 6] << 8) | (buffer[offset + 7] << 16));
            record.Time = LittleEndian.ReadUInt32(buffer, offset + 8);
            for (int i = 0; i < Cards.CardKey.Size; i++)
            {
                record.CardKey[i] = 0;
            }
        }

        /// <summary>Copies the card key from an intact continuation slot into the record.</summary>
        public static void DecodeCardKey(byte[] buffer, int offset, MealRecord record)
        {
            record.CardKey[0] = (byte)(buffer[offset + 1] >> 4);
            for (int i = 0; i < 10; i++)
            {
                record.CardKey[1 + i] = buffer[offset + 2 + i];
            }
        }
    }
}
