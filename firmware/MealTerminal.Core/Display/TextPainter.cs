using MealTerminal.Core.Fonts;

namespace MealTerminal.Core.Display
{
    /// <summary>
    /// Draws text on a colour panel in the glyphs of the font image: screen strings through the
    /// GB2312 code GlyphTable gives each message character, names as the roster's GB2312 bytes.
    /// Without a font image (a terminal before its first font download) it draws the built-in
    /// 13-pixel glyphs at twice their size. A character without a glyph - not in GB2312, not in
    /// the image, a broken byte sequence - is drawn as a box of the same width. Allocates nothing.
    /// </summary>
    public sealed class TextPainter
    {
        private readonly byte[] rows = new byte[FontFormat.MaxGlyphBytes];

        /// <summary>The font image to draw with; null draws the built-in glyphs doubled.</summary>
        public FontSlot Font;

        /// <summary>Height drawn for a size when there is no font image: the built-in glyphs doubled.</summary>
        public int HeightOf(int height)
        {
            return Sized(height) >= 0 ? height : 2 * GlyphTable.Height;
        }

        public int MeasureText(string text, int height)
        {
            int width = 0;
            for (int i = 0; i < text.Length; i++)
            {
                width += Advance(text[i], height);
            }

            return width;
        }

        public int MeasureGb2312(byte[] bytes, int length, int height)
        {
            int width = 0;
            for (int i = 0; i < length; i++)
            {
                bool wide = bytes[i] >= 0x80;
                width += wide ? HeightOf(height) : HeightOf(height) / 2;
                i += wide ? 1 : 0;
            }

            return width;
        }

        /// <summary>Draws text with its left edge at x; returns the x after it.</summary>
        public int DrawText(IPanel panel, string text, int x, int y, int height, int foreground, int background)
        {
            for (int i = 0; i < text.Length && x < panel.Width; i++)
            {
                char c = text[i];
                if (Sized(height) < 0)
                {
                    x += DrawBuiltIn(panel, c, x, y, foreground, background);
                    continue;
                }

                int code = c < 0x80 ? c : CodeOf(c);
                x += DrawGlyph(panel, code >> 8 == 0 ? code : code >> 8, code & 0xFF, c < 0x80, x, y, height, foreground, background);
            }

            return x;
        }

        /// <summary>Draws GB2312 (EUC-CN) bytes, such as a roster name; returns the x after them.</summary>
        public int DrawGb2312(IPanel panel, byte[] bytes, int length, int x, int y, int height, int foreground, int background)
        {
            for (int i = 0; i < length && x < panel.Width; i++)
            {
                int first = bytes[i];
                bool wide = first >= 0x80;
                int second = wide && i + 1 < length ? bytes[i + 1] : 0;
                i += wide ? 1 : 0;
                if (Sized(height) < 0)
                {
                    x += Box(panel, x, y, wide ? HeightOf(height) : HeightOf(height) / 2, HeightOf(height), foreground, background);
                    continue;
                }

                x += DrawGlyph(panel, first, second, !wide, x, y, height, foreground, background);
            }

            return x;
        }

        private int Sized(int height)
        {
            return Font == null ? -1 : Font.SizeIndex(height);
        }

        private int Advance(char c, int height)
        {
            int glyph = Sized(height) < 0 ? ScreenRenderer.IndexOf(c) : -1;
            if (glyph >= 0)
            {
                return 2 * GlyphTable.Widths[glyph];
            }

            return c < 0x80 ? HeightOf(height) / 2 : HeightOf(height);
        }

        /// <summary>The GB2312 code of a message character (GlyphTable), or 0xFFFF when there is none.</summary>
        private static int CodeOf(char c)
        {
            int index = ScreenRenderer.IndexOf(c);
            return index < 0 || GlyphTable.Gb2312Codes[index] == 0 ? 0xFFFF : GlyphTable.Gb2312Codes[index];
        }

        private int DrawGlyph(IPanel panel, int first, int second, bool half, int x, int y, int height, int foreground, int background)
        {
            int size = Font.SizeIndex(height);
            int width = Font.ReadGlyph(size, first, second, rows);
            if (width == 0)
            {
                return Box(panel, x, y, half ? height / 2 : height, height, foreground, background);
            }

            panel.DrawBits(x, y, width, height, rows, 0, half ? FontFormat.HalfStride(height) : FontFormat.FullStride(height), foreground, background);
            return width;
        }

        /// <summary>The built-in glyph doubled, each source pixel a 2x2 block.</summary>
        private int DrawBuiltIn(IPanel panel, char c, int x, int y, int foreground, int background)
        {
            int glyph = ScreenRenderer.IndexOf(c);
            int height = 2 * GlyphTable.Height;
            if (glyph < 0)
            {
                return Box(panel, x, y, c < 0x80 ? height / 2 : height, height, foreground, background);
            }

            int width = GlyphTable.Widths[glyph];
            int source = (width + 7) / 8;
            int stride = ((2 * width) + 7) / 8;
            for (int i = 0; i < height * stride; i++)
            {
                rows[i] = 0;
            }

            for (int sy = 0; sy < GlyphTable.Height; sy++)
            {
                for (int sx = 0; sx < width; sx++)
                {
                    if ((GlyphTable.Bitmaps[GlyphTable.Offsets[glyph] + (sy * source) + (sx >> 3)] & (0x80 >> (sx & 7))) != 0)
                    {
                        for (int d = 0; d < 4; d++)
                        {
                            int px = (2 * sx) + (d & 1);
                            rows[(((2 * sy) + (d >> 1)) * stride) + (px >> 3)] |= (byte)(0x80 >> (px & 7));
                        }
                    }
                }
            }

            panel.DrawBits(x, y, 2 * width, height, rows, 0, stride, foreground, background);
            return 2 * width;
        }

        /// <summary>A hollow box the size of the missing character, so the gap is visible and nothing is guessed.</summary>
        private static int Box(IPanel panel, int x, int y, int width, int height, int foreground, int background)
        {
            panel.Fill(x, y, width, height, background);
            int line = height >= 24 ? 2 : 1;
            panel.Fill(x + 2, y + 2, width - 4, line, foreground);
            panel.Fill(x + 2, y + height - 2 - line, width - 4, line, foreground);
            panel.Fill(x + 2, y + 2, line, height - 4, foreground);
            panel.Fill(x + width - 2 - line, y + 2, line, height - 4, foreground);
            return width;
        }
    }
}
