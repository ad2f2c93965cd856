using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// Time request and answer (docs/protocol.md). Little-endian, each sealed by a CRC-32 of the bytes
    /// before it.
    ///   request (time-req, terminal to gateway): u8 format version (1), u32 nonce, u32 CRC - 9 bytes
    ///   answer (time, gateway to terminal): u8 format version (1), u32 nonce of the request,
    ///     u32 UTC seconds since 2020-01-01, u16 milliseconds (0..999), u32 CRC - 15 bytes
    /// </summary>
    public static class TimeCodec
    {
        public const int FormatVersion = 1;
        public const int RequestSize = 9;
        public const int AnswerSize = 15;

        public static int EncodeRequest(byte[] buffer, uint nonce)
        {
            buffer[0] = FormatVersion;
            LittleEndian.WriteUInt32(buffer, 1, nonce);
            LittleEndian.WriteUInt32(buffer, 5, Crc32.Compute(buffer, 0, 5));
            return RequestSize;
        }

        public static bool TryDecodeRequest(byte[] buffer, int length, out uint nonce)
        {
            nonce = 0;
            if (length != RequestSize || buffer[0] != FormatVersion
                || Crc32.Compute(buffer, 0, 5) != LittleEndian.ReadUInt32(buffer, 5))
            {
                return false;
            }

            nonce = LittleEndian.ReadUInt32(buffer, 1);
            return true;
        }

        public static int EncodeAnswer(byte[] buffer, uint nonce, uint secondsSince2020, int milliseconds)
        {
            buffer[0] = FormatVersion;
            LittleEndian.WriteUInt32(buffer, 1, nonce);
            LittleEndian.WriteUInt32(buffer, 5, secondsSince2020);
            LittleEndian.WriteUInt16(buffer, 9, milliseconds);
            LittleEndian.WriteUInt32(buffer, 11, Crc32.Compute(buffer, 0, 11));
            return AnswerSize;
        }

        /// <summary>Decodes an answer; false for anything malformed (milliseconds over 999 included).</summary>
        public static bool TryDecodeAnswer(byte[] buffer, int length, out uint nonce, out uint secondsSince2020, out int milliseconds)
        {
            nonce = 0;
            secondsSince2020 = 0;
            milliseconds = 0;
            if (length != AnswerSize || buffer[0] != FormatVersion
                || Crc32.Compute(buffer, 0, 11) != LittleEndian.ReadUInt32(buffer, 11))
            {
                return false;
            }

            int ms = LittleEndian.ReadUInt16(buffer, 9);
            if (ms > 999)
            {
                return false;
            }

            nonce = LittleEndian.ReadUInt32(buffer, 1);
            secondsSince2020 = LittleEndian.ReadUInt32(buffer, 5);
            milliseconds = ms;
            return true;
        }
    }
}
