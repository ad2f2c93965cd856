using MealTerminal.Core.Fonts;

namespace MealTerminal.Core.Display
{
    /// <summary>
    /// Draws the elder's name (the roster's GB2312 bytes) on the 128x64 SSD1306 at 16 pixels, one
    /// text line of ScreenRenderer: each glyph is the font image's 32-pixel glyph halved, an output
    /// pixel inked when at least two of its four source pixels are (the image carries 24 and 32 px;
    /// docs/screens). Without a font image, or one without 32 px glyphs, it draws nothing - a name of
    /// boxes tells an elder nothing. A character the image lacks is a box. Allocates nothing.
    /// </summary>
    public sealed class MonoNamePainter
    {
        public const int Height = 16;
        public const int SourceHeight = 2 * Height;

        private readonly byte[] rows = new byte[FontFormat.MaxGlyphBytes];

        /// <summary>The font image to draw with; null draws no name.</summary>
        public FontSlot Font;

        /// <summary>True when names can be drawn: a font image with 32-pixel glyphs.</summary>
        public bool CanDraw
        {
            get { return Font != null && Font.SizeIndex(SourceHeight) >= 0; }
        }

        public int Measure(byte[] name, int length)
        {
            int width = 0;
            for (int i = 0; i < length; i++)
            {
                bool wide = name[i] >= 0x80;
                width += wide ? Height : Height / 2;
                i += wide ? 1 : 0;
            }

            return width;
        }

        /// <summary>Draws the name with its top-left corner at (left, top); returns the x after it.</summary>
        public int Draw(FrameBuffer frame, byte[] name, int length, int left, int top)
        {
            int size = Font == null ? -1 : Font.SizeIndex(SourceHeight);
            for (int i = 0; i < length && size >= 0; i++)
            {
                int first = name[i];
                bool wide = first >= 0x80;
                int second = wide && i + 1 < length ? name[i + 1] : 0;
                i += wide ? 1 : 0;
                int width = Font.ReadGlyph(size, first, second, rows);
                if (width == 0)
                {
                    left += Box(frame, left, top, wide ? Height : Height / 2);
                    continue;
                }

                int stride = wide ? FontFormat.FullStride(SourceHeight) : FontFormat.HalfStride(SourceHeight);
                for (int y = 0; y < Height; y++)
                {
                    for (int x = 0; x < width / 2; x++)
                    {
                        int inked = Bit(2 * x, 2 * y, stride) + Bit((2 * x) + 1, 2 * y, stride) + Bit(2 * x, (2 * y) + 1, stride) + Bit((2 * x) + 1, (2 * y) + 1, stride);
                        if (inked >= 2)
                        {
                            frame.SetPixel(left + x, top + y, true);
                        }
                    }
                }

                left += width / 2;
            }

            return left;
        }

        private int Bit(int x, int y, int stride)
        {
            return (rows[(y * stride) + (x >> 3)] & (0x80 >> (x & 7))) != 0 ? 1 : 0;
        }

        private static int Box(FrameBuffer frame, int left, int top, int width)
        {
            for (int i = 2; i < width - 2; i++)
            {
                frame.SetPixel(left + i, top + 2, true);
                frame.SetPixel(left + i, top + Height - 3, true);
            }

            for (int i = 2; i < Height - 2; i++)
            {
                frame.SetPixel(left + 2, top + i, true);
                frame.SetPixel(left + width - 3, top + i, true);
            }

            return width;
        }
    }
}
