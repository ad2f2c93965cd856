using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// Acknowledgement, gateway to terminal (docs/protocol.md): u8 format version (1), u8 status
    /// (0 stored, other values a refusal reason), u32 highest sequence stored durably as a
    /// contiguous prefix, u32 CRC-32 of the 6 bytes before it.
    /// </summary>
    public static class AckCodec
    {
        public const int FormatVersion = 1;
        public const int Size = 10;

        public static int Encode(byte[] buffer, int status, uint acknowledgedSequence)
        {
            buffer[0] = FormatVersion;
            buffer[1] = (byte)status;
            LittleEndian.WriteUInt32(buffer, 2, acknowledgedSequence);
            LittleEndian.WriteUInt32(buffer, 6, Crc32.Compute(buffer, 0, 6));
            return Size;
        }

        /// <summary>Decodes an ack; returns false for anything malformed.</summary>
        public static bool TryDecode(byte[] buffer, int length, out int status, out uint acknowledgedSequence)
        {
            status = 0;
            acknowledgedSequence = 0;
            if (length != Size || buffer[0] != FormatVersion
                || Crc32.Compute(buffer, 0, 6) != LittleEndian.ReadUInt32(buffer, 6))
            {
                return false;
            }

            status = buffer[1];
            acknowledgedSequence = LittleEndian.ReadUInt32(buffer, 2);
            return true;
        }
    }
}
