namespace MealTerminal.Core.Display
{
    /// <summary>
    /// A colour display that is drawn rectangle by rectangle (an ILI9341 / ST7789 over SPI): the
    /// terminal has no RAM for a 320x240 frame (150 KB), so screens are sent as filled rectangles
    /// and one-bit glyph bitmaps expanded to colour on the way out. Colours are RGB565.
    /// </summary>
    public interface IPanel
    {
        int Width { get; }

        int Height { get; }

        void Fill(int x, int y, int width, int height, int colour);

        /// <summary>Draws a one-bit bitmap (rows of stride bytes, leftmost pixel in bit 7): set bits in foreground, clear in background.</summary>
        void DrawBits(int x, int y, int width, int height, byte[] bits, int offset, int stride, int foreground, int background);
    }

    /// <summary>The colours of the colour screens, RGB565 (5 bits red, 6 green, 5 blue).</summary>
    public static class Rgb565
    {
        public const int Black = 0x0000;
        public const int White = 0xFFFF;

        /// <summary>RGB(0, 120, 0): accepted, dark enough for white text.</summary>
        public const int Green = 0x03C0;

        /// <summary>RGB(200, 0, 0): refused.</summary>
        public const int Red = 0xC800;

        /// <summary>RGB(230, 140, 0): tap again, with black text.</summary>
        public const int Amber = 0xE460;

        /// <summary>RGB(0, 60, 140): host review and other screens that are no verdict.</summary>
        public const int Blue = 0x01F1;

        public static int From(int red, int green, int blue)
        {
            return ((red >> 3) << 11) | ((green >> 2) << 5) | (blue >> 3);
        }
    }
}
