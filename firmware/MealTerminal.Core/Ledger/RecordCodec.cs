using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// The 32-byte on-flash record (docs/formats.md). Little-endian:
    ///   0 u32 sequence | 4 u8 verdict | 5 u8 period (low nibble) + flags (bit 4: clock valid)
    ///   6 u8 category | 7 u16 boot count | 9 u32 elder id | 13 u32 time | 17 11 bytes card key
    ///  28 u32 CRC-32 of bytes 0..27
    /// 32 bytes divide a 256-byte page, so a record never straddles a page program.
    /// </summary>
    public static class RecordCodec
    {
        public const int Size = 32;
        private const int CrcOffset = 28;
        private const int ClockValidFlag = 0x10;

        public static void Encode(MealRecord record, byte[] buffer, int offset)
        {
            LittleEndian.WriteUInt32(buffer, offset, record.Sequence);
            buffer[offset + 4] = (byte)record.Verdict;
            buffer[offset + 5] = (byte)((record.Period & 0x0F) | (record.ClockValid ? ClockValidFlag : 0));
            buffer[offset + 6] = (byte)record.Category;
            LittleEndian.WriteUInt16(buffer, offset + 7, record.BootCount);
            LittleEndian.WriteUInt32(buffer, offset + 9, record.ElderId);
            LittleEndian.WriteUInt32(buffer, offset + 13, record.Time);
            for (int i = 0; i < Cards.CardKey.Size; i++)
            {
                buffer[offset + 17 + i] = record.CardKey[i];
            }

            LittleEndian.WriteUInt32(buffer, offset + CrcOffset, Crc32.Compute(buffer, offset, CrcOffset));
        }

        /// <summary>Decodes a record; false when its CRC does not match (torn or corrupt).</summary>
        public static bool TryDecode(byte[] buffer, int offset, MealRecord record)
        {
            if (Crc32.Compute(buffer, offset, CrcOffset) != LittleEndian.ReadUInt32(buffer, offset + CrcOffset))
            {
                return false;
            }

            record.Sequence = LittleEndian.ReadUInt32(buffer, offset);
            record.Verdict = buffer[offset + 4];
            record.Period = buffer[offset + 5] & 0x0F;
            record.ClockValid = (buffer[offset + 5] & ClockValidFlag) != 0;
            record.Category = buffer[offset + 6];
            record.BootCount = LittleEndian.ReadUInt16(buffer, offset + 7);
            record.ElderId = LittleEndian.ReadUInt32(buffer, offset + 9);
            record.Time = LittleEndian.ReadUInt32(buffer, offset + 13);
            for (int i = 0; i < Cards.CardKey.Size; i++)
            {
                record.CardKey[i] = buffer[offset + 17 + i];
            }

            return true;
        }
    }
}
