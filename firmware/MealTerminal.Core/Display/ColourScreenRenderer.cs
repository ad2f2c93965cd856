using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Display
{
    /// <summary>
    /// The layout of the 320x240 colour display (docs/screens): a band in the verdict's colour -
    /// green for a meal that counts, red for a refusal, amber for "tap again", blue for the host
    /// review - with the shape that says the same without colour, and the title in 32-pixel white
    /// characters; below it on white the elder's name at 32 pixels and the other lines at 24.
    /// Portable: it draws through IPanel, the device sends it over SPI, the simulator into a PNG.
    /// </summary>
    public sealed class ColourScreenRenderer
    {
        public const int TitleHeight = 32;
        public const int NameHeight = 32;
        public const int LineHeight = 24;
        public const int BandHeight = 104;

        private readonly VerdictShapes shapes = new VerdictShapes();

        public ColourScreenRenderer()
        {
            Text = new TextPainter();
        }

        /// <summary>The painter; set its Font to the active font image.</summary>
        public TextPainter Text { get; private set; }

        /// <summary>The band colour of a verdict (0: a screen that is no verdict).</summary>
        public static int BandColour(int verdict)
        {
            if (verdict == 0)
            {
                return Rgb565.Blue;
            }

            if (VerdictCode.IsMeal(verdict))
            {
                return Rgb565.Green;
            }

            return verdict == VerdictCode.TapAgain ? Rgb565.Amber : Rgb565.Red;
        }

        /// <summary>The shape of a verdict, VerdictShapes.None for screens that are no verdict.</summary>
        public static int ShapeOf(int verdict)
        {
            if (verdict == 0)
            {
                return VerdictShapes.None;
            }

            if (VerdictCode.IsMeal(verdict))
            {
                return VerdictShapes.Check;
            }

            return verdict == VerdictCode.TapAgain ? VerdictShapes.Exclamation : VerdictShapes.Cross;
        }

        public void Render(Screen screen, IPanel panel)
        {
            int width = panel.Width;
            int band = BandColour(screen.Verdict);
            int ink = band == Rgb565.Amber ? Rgb565.Black : Rgb565.White;
            panel.Fill(0, 0, width, BandHeight, band);
            panel.Fill(0, BandHeight, width, panel.Height - BandHeight, Rgb565.White);

            byte[] shape = shapes.Bitmap(ShapeOf(screen.Verdict));
            int titleTop = 36;
            if (shape != null)
            {
                panel.DrawBits((width - VerdictShapes.Size) / 2, 8, VerdictShapes.Size, VerdictShapes.Size, shape, 0, VerdictShapes.Stride, ink, band);
                titleTop = 62;
            }

            Centred(panel, screen.Line1, titleTop, TitleHeight, ink, band);
            int top = BandHeight + 8;
            if (screen.NameLength > 0)
            {
                int h = Text.HeightOf(NameHeight);
                int x = (width - Text.MeasureGb2312(screen.Name, screen.NameLength, NameHeight)) / 2;
                Text.DrawGb2312(panel, screen.Name, screen.NameLength, x < 0 ? 0 : x, top, NameHeight, Rgb565.Black, Rgb565.White);
                top += h + 6;
            }
            else if (screen.Verdict != 0)
            {
                top += Text.HeightOf(NameHeight) + 6; // the lines stay where elders are used to them
            }

            int pitch = Text.HeightOf(LineHeight) + (screen.Verdict == 0 ? 12 : 4);
            Centred(panel, screen.Line2, top, LineHeight, Rgb565.Black, Rgb565.White);
            Centred(panel, screen.Line3, top + pitch, LineHeight, Rgb565.Black, Rgb565.White);
            Centred(panel, screen.Line4, top + (2 * pitch), LineHeight, Rgb565.Black, Rgb565.White);
        }

        private void Centred(IPanel panel, string text, int top, int height, int foreground, int background)
        {
            if (text == null || text.Length == 0)
            {
                return;
            }

            int x = (panel.Width - Text.MeasureText(text, height)) / 2;
            Text.DrawText(panel, text, x < 0 ? 0 : x, top, height, foreground, background);
        }
    }
}
