using System;
using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Fonts
{
    /// <summary>
    /// Assembles a font image (FontFormat) from glyph rows: used by the glyph tool and by tests.
    /// Runs on the host only - the image is about 1.8 MB.
    /// </summary>
    public sealed class FontImageBuilder
    {
        private readonly byte[] image;
        private readonly int[] heights;
        private readonly int[] offsets;

        public FontImageBuilder(int[] heights)
        {
            if (heights.Length < 1 || heights.Length > FontFormat.MaxSizes)
            {
                throw new ArgumentException("a font image has 1.." + FontFormat.MaxSizes.ToString() + " sizes");
            }

            this.heights = heights;
            offsets = new int[heights.Length];
            image = new byte[FontFormat.ImageSize(heights)];
            int at = FontFormat.HeaderSize + FontFormat.CoverageBytes;
            for (int i = 0; i < heights.Length; i++)
            {
                if (heights[i] < 8 || heights[i] > FontFormat.MaxHeight)
                {
                    throw new ArgumentException("glyph height " + heights[i].ToString() + " outside 8.." + FontFormat.MaxHeight.ToString());
                }

                offsets[i] = at;
                at += FontFormat.SizeBlockBytes(heights[i]);
            }
        }

        /// <summary>Rows of an ASCII glyph (HalfStride bytes each) at size index sizeIndex.</summary>
        public void SetAscii(int sizeIndex, int character, byte[] rows)
        {
            int h = heights[sizeIndex];
            int bytes = h * FontFormat.HalfStride(h);
            Array.Copy(rows, 0, image, offsets[sizeIndex] + ((character - FontFormat.AsciiFirst) * bytes), bytes);
        }

        /// <summary>Rows of a GB2312 glyph (FullStride bytes each); marks the cell covered.</summary>
        public void SetCell(int sizeIndex, int cell, byte[] rows)
        {
            int h = heights[sizeIndex];
            int half = h * FontFormat.HalfStride(h);
            int bytes = h * FontFormat.FullStride(h);
            Array.Copy(rows, 0, image, offsets[sizeIndex] + (FontFormat.AsciiCount * half) + (cell * bytes), bytes);
            image[FontFormat.CoverageOffset + (cell >> 3)] |= (byte)(1 << (cell & 7));
        }

        /// <summary>Seals the image: header, CRCs. The builder's image is returned, not copied.</summary>
        public byte[] Finish(uint fontVersion)
        {
            LittleEndian.WriteUInt32(image, 0, FontFormat.Magic);
            LittleEndian.WriteUInt16(image, 4, FontFormat.FormatVersion);
            LittleEndian.WriteUInt16(image, 6, heights.Length);
            LittleEndian.WriteUInt32(image, 8, fontVersion);
            LittleEndian.WriteUInt32(image, 12, (uint)image.Length);
            for (int i = 0; i < heights.Length; i++)
            {
                image[FontFormat.SizeTableOffset + (i * 8)] = (byte)heights[i];
                LittleEndian.WriteUInt32(image, FontFormat.SizeTableOffset + (i * 8) + 4, (uint)offsets[i]);
            }

            LittleEndian.WriteUInt32(image, 16, Crc32.Compute(image, FontFormat.HeaderSize, image.Length - FontFormat.HeaderSize));
            LittleEndian.WriteUInt32(image, 60, Crc32.Compute(image, 0, 60));
            return image;
        }
    }
}
