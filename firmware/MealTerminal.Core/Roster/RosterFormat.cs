namespace MealTerminal.Core.Roster
{
    /// <summary>
    /// The binary roster image the gateway produces (see docs/formats.md). Little-endian.
    /// Header, 32 bytes:
    ///   0  u32 magic "RST1" (0x31545352)
    ///   4  u16 format version (1)
    ///   6  u16 entry size (24)
    ///   8  u32 roster version (monotonic, set by the gateway)
    ///  12  u32 issuer id (county or site number)
    ///  16  u32 entry count
    ///  20  u32 CRC-32 of all entry bytes
    ///  24  u32 reserved (0xFFFFFFFF)
    ///  28  u32 CRC-32 of header bytes 0..27
    /// Entries, 24 bytes each, sorted by card key (unsigned byte order):
    ///   0  11 bytes card key (see CardKey)
    ///  11  u32 elder id
    ///  15  u8  category (ElderCategory)
    ///  16  u8  status (CardStatus)
    ///  17  u16 valid from (days since 2020-01-01, 0 = unbounded)
    ///  19  u16 valid to (days since 2020-01-01, 0xFFFF = unbounded)
    ///  21  u8  flags, reserved bits 1: bit 0 CLEAR = registered for home delivery (so rosters from
    ///          before delivery, 0xFF, register no one); bits 1-7 reserved
    ///  22  2 bytes reserved (0xFF)
    /// </summary>
    public static class RosterFormat
    {
        public const uint Magic = 0x31545352;
        public const int FormatVersion = 1;
        public const int HeaderSize = 32;
        public const int EntrySize = 24;
        public const int NoUpperBound = 0xFFFF;

        public const int OffsetElderId = 11;
        public const int OffsetCategory = 15;
        public const int OffsetStatus = 16;
        public const int OffsetValidFrom = 17;
        public const int OffsetValidTo = 19;
        public const int OffsetFlags = 21;

        /// <summary>Bit of the flags byte that is cleared for an elder registered for home delivery.</summary>
        public const int FlagNotDelivery = 0x01;

        public static int ImageSize(int entryCount)
        {
            return HeaderSize + (entryCount * EntrySize);
        }
    }
}
