using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Fonts
{
    /// <summary>
    /// A font image in a flash region, read in place: a glyph costs one coverage byte and one read
    /// of its rows into the caller's buffer, found by arithmetic on its GB2312 code, never a search.
    /// Anything the image does not have - a size, a cell, an unassigned code - reads as missing, and
    /// the caller draws a box: a glyph can never overrun the buffer or crash the terminal.
    /// </summary>
    public sealed class FontSlot
    {
        private readonly IFlash flash;
        private readonly int baseAddress;
        private readonly int capacityBytes;
        private readonly byte[] header = new byte[FontFormat.HeaderSize];
        private readonly byte[] coverage = new byte[1];
        private readonly int[] heights = new int[FontFormat.MaxSizes];
        private readonly int[] offsets = new int[FontFormat.MaxSizes];

        public FontSlot(IFlash flash, int firstSector, int sectorCount)
        {
            this.flash = flash;
            baseAddress = firstSector * flash.SectorSize;
            capacityBytes = sectorCount * flash.SectorSize;
            FirstSector = firstSector;
        }

        public int FirstSector { get; private set; }

        public int CapacityBytes
        {
            get { return capacityBytes; }
        }

        public bool IsValid { get; private set; }

        public uint Version { get; private set; }

        public int ImageSize { get; private set; }

        public int SizeCount { get; private set; }

        /// <summary>Reads and checks the header (FontFormat.CheckHeader).</summary>
        public bool LoadHeader()
        {
            IsValid = false;
            flash.Read(baseAddress, header, 0, FontFormat.HeaderSize);
            int size = FontFormat.CheckHeader(header, capacityBytes, heights, offsets);
            if (size < 0)
            {
                return false;
            }

            SizeCount = LittleEndian.ReadUInt16(header, 6);
            ImageSize = size;
            Version = LittleEndian.ReadUInt32(header, 8);
            IsValid = true;
            return true;
        }

        /// <summary>Checks the CRC of everything after the header; reads the whole image once.</summary>
        public bool Verify()
        {
            if (!LoadHeader())
            {
                return false;
            }

            IsValid = FlashCrc.Of(flash, baseAddress + FontFormat.HeaderSize, ImageSize - FontFormat.HeaderSize) == LittleEndian.ReadUInt32(header, 16);
            return IsValid;
        }

        /// <summary>The index of the size with this pixel height, or -1.</summary>
        public int SizeIndex(int height)
        {
            for (int i = 0; IsValid && i < SizeCount; i++)
            {
                if (heights[i] == height)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Reads an ASCII glyph (first &lt; 0x80, second ignored) or a GB2312 one into rows; returns
        /// its width in pixels, or 0 when the image has no such glyph (draw a box). Row stride is
        /// FontFormat.HalfStride or FullStride of the height.
        /// </summary>
        public int ReadGlyph(int sizeIndex, int first, int second, byte[] rows)
        {
            if (!IsValid || sizeIndex < 0 || sizeIndex >= SizeCount)
            {
                return 0;
            }

            int height = heights[sizeIndex];
            int halfBytes = height * FontFormat.HalfStride(height);
            if (first < 0x80)
            {
                if (first < FontFormat.AsciiFirst || first >= FontFormat.AsciiFirst + FontFormat.AsciiCount)
                {
                    return 0;
                }

                flash.Read(baseAddress + offsets[sizeIndex] + ((first - FontFormat.AsciiFirst) * halfBytes), rows, 0, halfBytes);
                return FontFormat.HalfWidth(height);
            }

            int cell = FontFormat.CellOf(first, second);
            if (cell < 0)
            {
                return 0;
            }

            flash.Read(baseAddress + FontFormat.CoverageOffset + (cell >> 3), coverage, 0, 1);
            if ((coverage[0] & (1 << (cell & 7))) == 0)
            {
                return 0;
            }

            int fullBytes = height * FontFormat.FullStride(height);
            flash.Read(baseAddress + offsets[sizeIndex] + (FontFormat.AsciiCount * halfBytes) + (cell * fullBytes), rows, 0, fullBytes);
            return height;
        }
    }
}
