namespace MealTerminal.Core.Display
{
    /// <summary>
    /// Draws a Screen into the frame: four text lines on a 16-pixel pitch, each centred, in the
    /// glyphs of GlyphTable. A character missing from the table is drawn as a hollow box so the
    /// gap is visible in review. With a font image (MonoNamePainter) the elder's name follows the
    /// period on line 2, at 16 pixels. Allocates nothing.
    /// </summary>
    public static class ScreenRenderer
    {
        public const int LinePitch = 16;

        /// <summary>Gap between the period and the name on line 2.</summary>
        public const int NameGap = 8;

        public static void Render(Screen screen, FrameBuffer frame)
        {
            Render(screen, frame, null);
        }

        /// <summary>Draws the screen, with the name when names can draw it (see MonoNamePainter).</summary>
        public static void Render(Screen screen, FrameBuffer frame, MonoNamePainter names)
        {
            frame.Clear();
            DrawLine(frame, screen.Line1, 0);
            if (screen.NameLength > 0 && names != null && names.CanDraw)
            {
                DrawWithName(frame, screen, names, LinePitch);
            }
            else
            {
                DrawLine(frame, screen.Line2, LinePitch);
            }

            DrawLine(frame, screen.Line3, 2 * LinePitch);
            DrawLine(frame, screen.Line4, 3 * LinePitch);
        }

        /// <summary>Pixel width of a text line.</summary>
        public static int MeasureWidth(string text)
        {
            int width = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int glyph = IndexOf(text[i]);
                width += glyph < 0 ? GlyphTable.Height : GlyphTable.Widths[glyph];
            }

            return width;
        }

        /// <summary>Position of a character in the glyph table, or -1.</summary>
        public static int IndexOf(char c)
        {
            string chars = GlyphTable.Characters;
            int low = 0;
            int high = chars.Length - 1;
            while (low <= high)
            {
                int mid = (low + high) >> 1;
                if (chars[mid] == c)
                {
                    return mid;
                }

                if (chars[mid] < c)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return -1;
        }

        private static void DrawWithName(FrameBuffer frame, Screen screen, MonoNamePainter names, int top)
        {
            string text = screen.Line2 == null ? string.Empty : screen.Line2;
            int textWidth = MeasureWidth(text);
            int gap = textWidth > 0 ? NameGap : 0;
            int x = (FrameBuffer.Width - (textWidth + gap + names.Measure(screen.Name, screen.NameLength))) / 2;
            if (x < 0)
            {
                x = 0;
            }

            for (int i = 0; i < text.Length; i++)
            {
                x += DrawChar(frame, text[i], x, top + ((LinePitch - GlyphTable.Height) / 2));
            }

            names.Draw(frame, screen.Name, screen.NameLength, x + gap, top);
        }

        private static void DrawLine(FrameBuffer frame, string text, int top)
        {
            if (text == null || text.Length == 0)
            {
                return;
            }

            int x = (FrameBuffer.Width - MeasureWidth(text)) / 2;
            if (x < 0)
            {
                x = 0;
            }

            for (int i = 0; i < text.Length; i++)
            {
                x += DrawChar(frame, text[i], x, top + ((LinePitch - GlyphTable.Height) / 2));
            }
        }

        private static int DrawChar(FrameBuffer frame, char c, int left, int top)
        {
            int glyph = IndexOf(c);
            if (glyph < 0)
            {
                DrawMissing(frame, left, top);
                return GlyphTable.Height;
            }

            int width = GlyphTable.Widths[glyph];
            int stride = (width + 7) / 8;
            int offset = GlyphTable.Offsets[glyph];
            for (int y = 0; y < GlyphTable.Height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    if ((GlyphTable.Bitmaps[offset + (y * stride) + (x >> 3)] & (0x80 >> (x & 7))) != 0)
                    {
                        frame.SetPixel(left + x, top + y, true);
                    }
                }
            }

            return width;
        }

        private static void DrawMissing(FrameBuffer frame, int left, int top)
        {
            int size = GlyphTable.Height - 2;
            for (int i = 0; i < size; i++)
            {
                frame.SetPixel(left + 1 + i, top + 1, true);
                frame.SetPixel(left + 1 + i, top + size, true);
                frame.SetPixel(left + 1, top + 1 + i, true);
                frame.SetPixel(left + size, top + 1 + i, true);
            }
        }
    }
}
