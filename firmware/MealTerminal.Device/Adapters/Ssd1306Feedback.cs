using System;
using System.Device.I2c;
using MealTerminal.Core.Display;
using MealTerminal.Core.Fonts;
using MealTerminal.Core.Clock;
using MealTerminal.Drivers.Feedback;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// The feedback port on the device: draws the screen into the SSD1306 frame and sends it over
    /// I2C, and starts the verdict's buzzer/LED pattern (played by GpioSignals from the main loop).
    /// Command bytes cite the SSD1306 datasheet rev 1.1, section 9 (command table) and the power-on
    /// sequence of its section 8.9 / application note.
    /// </summary>
    public sealed class Ssd1306Feedback : IFeedback
    {
        public const int Address = 0x3C; // SA0 low, section 8.1.5
        private const byte CommandStream = 0x00; // Co = 0, D/C# = 0 (section 8.1.5.2)
        private const byte DataStream = 0x40;    // Co = 0, D/C# = 1
        private const int Chunk = 32;

        private static readonly byte[] InitSequence =
        {
            0xAE,       // display off
            0xD5, 0x80, // clock divide ratio / oscillator frequency (reset value)
            0xA8, 0x3F, // multiplex ratio 64
            0xD3, 0x00, // display offset 0
            0x40,       // start line 0
            0x8D, 0x14, // charge pump on (application note: enable before display on)
            0x20, 0x00, // horizontal addressing mode (section 10.1.3)
            0xA1,       // segment remap: column 127 mapped to SEG0
            0xC8,       // COM scan direction remapped
            0xDA, 0x12, // COM pins: alternative configuration, no left/right remap
            0x81, 0xCF, // contrast
            0xD9, 0xF1, // pre-charge period
            0xDB, 0x40, // VCOMH deselect level
            0xA4,       // display follows RAM
            0xA6,       // normal (not inverted)
            0xAF,       // display on
        };

        private static readonly byte[] WholeFrameWindow = { 0x21, 0x00, 0x7F, 0x22, 0x00, 0x07 }; // column 0-127, page 0-7

        private readonly I2cDevice device;
        private readonly PatternPlayer player;
        private readonly IClock clock;
        private readonly FrameBuffer frame = new FrameBuffer();
        private readonly MonoNamePainter names = new MonoNamePainter();
        private FontStore fonts;
        private readonly byte[] packet = new byte[Chunk + 1];

        public Ssd1306Feedback(I2cDevice device, PatternPlayer player, IClock clock)
        {
            this.device = device;
            this.player = player;
            this.clock = clock;
            SendCommands(InitSequence);
        }

        /// <summary>The terminal's font store, once it exists: with a font image (a W25Q128) names are drawn at 16 px.</summary>
        public void UseFonts(FontStore store)
        {
            fonts = store;
        }

        public void Show(Screen screen)
        {
            names.Font = fonts == null ? null : fonts.Active;
            ScreenRenderer.Render(screen, frame, names);
            SendCommands(WholeFrameWindow);
            byte[] bytes = frame.Bytes;
            packet[0] = DataStream;
            for (int at = 0; at < bytes.Length; at += Chunk)
            {
                Array.Copy(bytes, at, packet, 1, Chunk);
                device.Write(new SpanByte(packet, 0, Chunk + 1));
            }

            if (screen.Signal != SignalPattern.None)
            {
                player.Start(screen.Signal, clock.MillisecondsSinceBoot);
            }
        }

        private void SendCommands(byte[] commands)
        {
            byte[] buffer = new byte[commands.Length + 1];
            buffer[0] = CommandStream;
            Array.Copy(commands, 0, buffer, 1, commands.Length);
            device.Write(new SpanByte(buffer, 0, buffer.Length));
        }
    }
}
