namespace MealTerminal.Core.Roster
{
    /// <summary>
    /// The binary roster image the gateway produces (see docs/formats.md). Little-endian.
    /// Header, 32 bytes:
    ///   0  u32 magic "RST1" (0x31545352)
    ///   4  u16 format version (1 without names, 2 with the name table)
    ///   6  u16 entry size (24)
    ///   8  u32 roster version (monotonic, set by the gateway)
    ///  12  u32 issuer id (county or site number)
    ///  16  u32 entry count
    ///  20  u32 CRC-32 of every byte after the header (format 1: the entries)
    ///  24  u32 format 1: reserved (0xFFFFFFFF); format 2: image size in bytes
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
    /// Format 2 then has the name table: count + 1 u32 offsets into the name bytes that follow them
    /// (name i is bytes offset[i] .. offset[i+1]), then the names, GB2312 (EUC-CN) text of at most
    /// MaxNameBytes bytes each, already masked by the gateway as the county wants. A look-up reads
    /// the two offsets and the name: two small reads more than format 1.
    /// </summary>
    public static class RosterFormat
    {
        public const uint Magic = 0x31545352;
        public const int FormatVersion = 1;
        public const int FormatVersionNames = 2;
        public const int HeaderSize = 32;
        public const int EntrySize = 24;
        public const int NoUpperBound = 0xFFFF;

        /// <summary>Longest name: 12 Chinese characters in GB2312.</summary>
        public const int MaxNameBytes = 24;

        /// <summary>Name bytes a roster slot budgets per entry on average (six characters); the gateway refuses more.</summary>
        public const int NameBudgetPerEntry = 12;

        public const int OffsetElderId = 11;
        public const int OffsetCategory = 15;
        public const int OffsetStatus = 16;
        public const int OffsetValidFrom = 17;
        public const int OffsetValidTo = 19;
        public const int OffsetFlags = 21;

        /// <summary>Bit of the flags byte that is cleared for an elder registered for home delivery.</summary>
        public const int FlagNotDelivery = 0x01;

        /// <summary>Size of a format 1 image (no names).</summary>
        public static int ImageSize(int entryCount)
        {
            return HeaderSize + (entryCount * EntrySize);
        }

        /// <summary>Where the name offsets start in a format 2 image.</summary>
        public static int NameTableOffset(int entryCount)
        {
            return ImageSize(entryCount);
        }

        /// <summary>Where the name bytes start in a format 2 image.</summary>
        public static int NameBytesOffset(int entryCount)
        {
            return ImageSize(entryCount) + ((entryCount + 1) * 4);
        }

        /// <summary>Bytes a roster slot needs for entryCount elders with names within the budget.</summary>
        public static int SlotBytesWithNames(int entryCount)
        {
            return NameBytesOffset(entryCount) + (entryCount * NameBudgetPerEntry);
        }
    }
}
