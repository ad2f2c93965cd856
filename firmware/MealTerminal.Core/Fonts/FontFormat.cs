namespace MealTerminal.Core.Fonts
{
    /// <summary>
    /// The font image in flash (docs/formats.md "Font image"): glyphs for the whole GB2312 grid
    /// (levels 1 and 2 and the symbol rows) and printable ASCII, at a few pixel heights, so any name
    /// in a roster can be drawn. Made by firmware/MealTerminal.GlyphGen; downloaded as kind 4.
    /// Little-endian. Header, 64 bytes:
    ///   0  u32 magic "FNT1" (0x31544E46)
    ///   4  u16 format version (1)
    ///   6  u16 number of sizes (1..MaxSizes)
    ///   8  u32 font version
    ///  12  u32 image size in bytes
    ///  16  u32 CRC-32 of every byte after the header
    ///  20  4 sizes x 8 bytes: u8 pixel height, 3 bytes reserved (0), u32 offset of the size's glyphs
    ///  52  8 bytes reserved (0)
    ///  60  u32 CRC-32 of header bytes 0..59
    /// Coverage, at 64: one bit per GB2312 cell (bit cell%8 of byte cell/8), set when the source font
    /// had the glyph; a clear bit is drawn as a box.
    /// Per size, at its offset: 95 ASCII glyphs (0x20..0x7E), height rows of HalfStride bytes, then
    /// the 8,836 GB2312 cells in code order, height rows of FullStride bytes; rows top first, the
    /// leftmost pixel in bit 7 of each row's first byte. Cell = (first byte - 0xA1) * 94 + (second - 0xA1).
    /// </summary>
    public static class FontFormat
    {
        public const uint Magic = 0x31544E46;
        public const int FormatVersion = 1;
        public const int HeaderSize = 64;
        public const int MaxSizes = 4;
        public const int SizeTableOffset = 20;
        public const int CoverageOffset = HeaderSize;
        public const int Cells = 94 * 94;
        public const int CoverageBytes = (Cells + 7) / 8;
        public const int AsciiFirst = 0x20;
        public const int AsciiCount = 95;

        /// <summary>Largest glyph in bytes (a 40-pixel cell): the size of a reader's glyph buffer.</summary>
        public const int MaxGlyphBytes = 40 * 5;
        public const int MaxHeight = 40;

        /// <summary>The GB2312 cell of a two-byte EUC-CN code, or -1 when it is not one.</summary>
        public static int CellOf(int first, int second)
        {
            if (first < 0xA1 || first > 0xFE || second < 0xA1 || second > 0xFE)
            {
                return -1;
            }

            return ((first - 0xA1) * 94) + (second - 0xA1);
        }

        public static int FullStride(int height)
        {
            return (height + 7) / 8;
        }

        public static int HalfWidth(int height)
        {
            return height / 2;
        }

        public static int HalfStride(int height)
        {
            return (HalfWidth(height) + 7) / 8;
        }

        /// <summary>Bytes of one size's glyph block.</summary>
        public static int SizeBlockBytes(int height)
        {
            return (AsciiCount * height * HalfStride(height)) + (Cells * height * FullStride(height));
        }

        /// <summary>
        /// Checks a header (magic, format, header CRC, sizes and their blocks laid out back to back)
        /// and fills heights and offsets (MaxSizes long); returns the image size it announces, or -1.
        /// Shared by the terminal's FontSlot and the gateway's upload check. Allocates nothing.
        /// </summary>
        public static int CheckHeader(byte[] header, int capacityBytes, int[] heights, int[] offsets)
        {
            int count = Integrity.LittleEndian.ReadUInt16(header, 6);
            uint size = Integrity.LittleEndian.ReadUInt32(header, 12);
            if (Integrity.LittleEndian.ReadUInt32(header, 0) != Magic || Integrity.LittleEndian.ReadUInt16(header, 4) != FormatVersion
                || Integrity.Crc32.Compute(header, 0, 60) != Integrity.LittleEndian.ReadUInt32(header, 60)
                || count < 1 || count > MaxSizes || size > (uint)capacityBytes)
            {
                return -1;
            }

            uint expectedAt = HeaderSize + CoverageBytes;
            for (int i = 0; i < count; i++)
            {
                int at = SizeTableOffset + (i * 8);
                int height = header[at];
                if (height < 8 || height > MaxHeight || Integrity.LittleEndian.ReadUInt32(header, at + 4) != expectedAt)
                {
                    return -1;
                }

                heights[i] = height;
                offsets[i] = (int)expectedAt;
                expectedAt += (uint)SizeBlockBytes(height);
            }

            return expectedAt == size ? (int)size : -1;
        }

        /// <summary>Bytes of a whole image with these heights.</summary>
        public static int ImageSize(int[] heights)
        {
            int size = HeaderSize + CoverageBytes;
            for (int i = 0; i < heights.Length; i++)
            {
                size += SizeBlockBytes(heights[i]);
            }

            return size;
        }
    }
}
