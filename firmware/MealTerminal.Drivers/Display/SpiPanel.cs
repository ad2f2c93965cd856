using MealTerminal.Core.Display;
using MealTerminal.Drivers.NorFlash;

namespace MealTerminal.Drivers.Display
{
    /// <summary>
    /// A 320x240 ILI9341 or ST7789 panel in landscape, 16-bit colour. Both controllers share the
    /// MIPI DCS commands used here (ILI9341 datasheet V1.11 section 8.2 "Level 1 command";
    /// ST7789V datasheet V1.6 section 9.1 "System function command"): a rectangle is one column
    /// address set, one page (row) address set and one memory write of its pixels, two bytes each,
    /// high byte first (COLMOD 0x55, 65K colours, "16-bit/pixel" in both). One line buffer of
    /// 640 bytes is all the RAM it uses.
    /// </summary>
    public sealed class SpiPanel : IPanel
    {
        public const byte SoftwareReset = 0x01;   // SWRESET
        public const byte SleepOut = 0x11;        // SLPOUT
        public const byte InversionOn = 0x21;     // INVON: the ST7789's IPS glass shows true colours inverted
        public const byte DisplayOn = 0x29;       // DISPON
        public const byte ColumnAddressSet = 0x2A; // CASET: SC[15:0], EC[15:0]
        public const byte PageAddressSet = 0x2B;  // PASET (ILI9341) / RASET (ST7789): SP[15:0], EP[15:0]
        public const byte MemoryWrite = 0x2C;     // RAMWR
        public const byte MemoryAccessControl = 0x36; // MADCTL
        public const byte PixelFormatSet = 0x3A;  // COLMOD
        public const byte Colour16Bit = 0x55;     // RGB and MCU interface both 16 bits per pixel

        /// <summary>MADCTL MV (row/column exchange) for landscape, plus BGR order on the ILI9341 modules (their glass is BGR).</summary>
        public const byte LandscapeIli9341 = 0x20 | 0x08;
        public const byte LandscapeSt7789 = 0x20;

        /// <summary>After SWRESET wait 5 ms before the next command (both datasheets).</summary>
        public const int ResetWaitMicroseconds = 5000;

        /// <summary>After SLPOUT wait 120 ms for the supply and clocks to settle before DISPON (both datasheets).</summary>
        public const int SleepOutWaitMicroseconds = 120000;

        public const int PanelWidth = 320;
        public const int PanelHeight = 240;

        private readonly IPanelBus bus;
        private readonly IDelay delay;
        private readonly int kind;
        private readonly byte[] parameters = new byte[4];
        private readonly byte[] line = new byte[PanelWidth * 2];

        public SpiPanel(IPanelBus bus, IDelay delay, int kind)
        {
            this.bus = bus;
            this.delay = delay;
            this.kind = kind;
        }

        public int Width
        {
            get { return PanelWidth; }
        }

        public int Height
        {
            get { return PanelHeight; }
        }

        /// <summary>Reset, wake, 16-bit colour, landscape, display on. The screen's content is whatever is drawn next.</summary>
        public void Initialise()
        {
            bus.HardwareReset();
            Send(SoftwareReset, 0);
            delay.WaitMicroseconds(ResetWaitMicroseconds);
            Send(SleepOut, 0);
            delay.WaitMicroseconds(SleepOutWaitMicroseconds);
            parameters[0] = Colour16Bit;
            Send(PixelFormatSet, 1);
            parameters[0] = kind == DisplayKind.St7789 ? LandscapeSt7789 : LandscapeIli9341;
            Send(MemoryAccessControl, 1);
            if (kind == DisplayKind.St7789)
            {
                Send(InversionOn, 0);
            }

            Send(DisplayOn, 0);
        }

        public void Fill(int x, int y, int width, int height, int colour)
        {
            if (!Clip(ref x, ref y, ref width, ref height))
            {
                return;
            }

            Window(x, y, width, height);
            int pixels = width * height;
            int run = pixels < PanelWidth ? pixels : PanelWidth;
            for (int i = 0; i < run; i++)
            {
                line[2 * i] = (byte)(colour >> 8);
                line[(2 * i) + 1] = (byte)colour;
            }

            while (pixels > 0)
            {
                int n = pixels < run ? pixels : run;
                bus.Data(line, 0, 2 * n);
                pixels -= n;
            }
        }

        public void DrawBits(int x, int y, int width, int height, byte[] bits, int offset, int stride, int foreground, int background)
        {
            int left = x;
            int top = y;
            int w = width;
            int h = height;
            if (!Clip(ref left, ref top, ref w, ref h))
            {
                return;
            }

            Window(left, top, w, h);
            for (int row = top - y; row < top - y + h; row++)
            {
                for (int i = 0; i < w; i++)
                {
                    int col = left - x + i;
                    bool on = (bits[offset + (row * stride) + (col >> 3)] & (0x80 >> (col & 7))) != 0;
                    int colour = on ? foreground : background;
                    line[2 * i] = (byte)(colour >> 8);
                    line[(2 * i) + 1] = (byte)colour;
                }

                bus.Data(line, 0, 2 * w);
            }
        }

        private void Window(int x, int y, int width, int height)
        {
            Range(x, x + width - 1);
            Send(ColumnAddressSet, 4);
            Range(y, y + height - 1);
            Send(PageAddressSet, 4);
            Send(MemoryWrite, 0);
        }

        private void Range(int start, int end)
        {
            parameters[0] = (byte)(start >> 8);
            parameters[1] = (byte)start;
            parameters[2] = (byte)(end >> 8);
            parameters[3] = (byte)end;
        }

        private void Send(byte command, int count)
        {
            bus.Command(command, parameters, count);
        }

        private static bool Clip(ref int x, ref int y, ref int width, ref int height)
        {
            if (x < 0)
            {
                width += x;
                x = 0;
            }

            if (y < 0)
            {
                height += y;
                y = 0;
            }

            if (x + width > PanelWidth)
            {
                width = PanelWidth - x;
            }

            if (y + height > PanelHeight)
            {
                height = PanelHeight - y;
            }

            return width > 0 && height > 0;
        }
    }
}
