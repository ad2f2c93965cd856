namespace MealTerminal.Drivers.CardReader
{
    /// <summary>
    /// CRC_A of ISO/IEC 14443-3 Annex B: CRC-16/CCITT reflected, initial value 6363h, no final XOR,
    /// low byte sent first. Computed bytewise without a table (select frames are 7 bytes).
    /// </summary>
    public static class CrcA
    {
        public static ushort Compute(byte[] data, int offset, int count)
        {
            int crc = 0x6363;
            for (int i = offset; i < offset + count; i++)
            {
                int ch = (data[i] ^ crc) & 0xFF;
                ch = (ch ^ (ch << 4)) & 0xFF;
                crc = ((crc >> 8) ^ (ch << 8) ^ (ch << 3) ^ (ch >> 4)) & 0xFFFF;
            }

            return (ushort)crc;
        }
    }
}
