using MealTerminal.Core.Display;
using MealTerminal.Core.Meals;
using MealTerminal.Drivers.Display;
using MealTerminal.Drivers.Tests.NorFlash;

namespace MealTerminal.Drivers.Tests.Display;

public class SpiPanelTests
{
    /// <summary>The screen drawn straight into memory, to compare the driver's result with.</summary>
    private sealed class MemoryPanel : IPanel
    {
        public readonly ushort[] Pixels = new ushort[320 * 240];

        public int Width => 320;

        public int Height => 240;

        public void Fill(int x, int y, int width, int height, int colour)
        {
            for (int r = y; r < y + height; r++)
            {
                for (int c = x; c < x + width; c++)
                {
                    Pixels[(r * 320) + c] = (ushort)colour;
                }
            }
        }

        public void DrawBits(int x, int y, int width, int height, byte[] bits, int offset, int stride, int foreground, int background)
        {
            for (int r = 0; r < height; r++)
            {
                for (int c = 0; c < width; c++)
                {
                    bool on = (bits[offset + (r * stride) + (c >> 3)] & (0x80 >> (c & 7))) != 0;
                    Pixels[((y + r) * 320) + x + c] = (ushort)(on ? foreground : background);
                }
            }
        }
    }

    [Theory]
    [InlineData(DisplayKind.Ili9341, new byte[] { 0x01, 0x11, 0x3A, 0x36, 0x29 }, 0x28)]
    [InlineData(DisplayKind.St7789, new byte[] { 0x01, 0x11, 0x3A, 0x36, 0x21, 0x29 }, 0x20)]
    public void Initialise_ResetsWakesSets16BitLandscapeAndWaitsAsTheDatasheetsSay(int kind, byte[] commands, byte madctl)
    {
        var chip = new PanelChip();
        var time = new FakeTime();
        new SpiPanel(chip, time, kind).Initialise();
        Assert.Equal(1, chip.Resets);
        Assert.Equal(commands, chip.Commands);
        Assert.Equal(new byte[] { 0x55 }, chip.Parameters[2]);
        Assert.Equal(new byte[] { madctl }, chip.Parameters[3]);
        Assert.True(time.TotalWaited >= 125000, "5 ms after SWRESET and 120 ms after SLPOUT");
    }

    [Theory]
    [InlineData(VerdictCode.Accepted)]
    [InlineData(VerdictCode.AlreadyEaten)]
    [InlineData(VerdictCode.TapAgain)]
    public void VerdictScreenSentOverSpi_FillsFrameMemoryExactlyAsDrawn(int verdict)
    {
        var screen = new Screen();
        VerdictScreens.Render(screen, verdict, "午餐", "高龄");
        var renderer = new ColourScreenRenderer();
        var chip = new PanelChip();
        var expected = new MemoryPanel();
        renderer.Render(screen, new SpiPanel(chip, new FakeTime(), DisplayKind.Ili9341));
        renderer.Render(screen, expected);
        for (int y = 0; y < 240; y++)
        {
            for (int x = 0; x < 320; x++)
            {
                Assert.True(expected.Pixels[(y * 320) + x] == chip.Pixel(x, y), $"pixel ({x}, {y})");
            }
        }
    }

    [Fact]
    public void RectanglePartlyOffThePanel_IsClippedToIt()
    {
        var chip = new PanelChip();
        var panel = new SpiPanel(chip, new FakeTime(), DisplayKind.Ili9341);
        panel.Fill(300, 230, 50, 50, Rgb565.Red);
        Assert.Equal(20 * 10, chip.PixelsWritten);
        Assert.Equal(Rgb565.Red, chip.Pixel(319, 239));
        panel.Fill(-10, -10, 5, 5, Rgb565.Red);
        Assert.Equal(200, chip.PixelsWritten);
    }
}

public class DisplayKindTests
{
    [Theory]
    [InlineData(null, DisplayKind.Ssd1306)]
    [InlineData("ssd1306", DisplayKind.Ssd1306)]
    [InlineData("ili9341", DisplayKind.Ili9341)]
    [InlineData("st7789", DisplayKind.St7789)]
    public void ProvisioningValue_NamesTheDisplay(string? value, int kind)
    {
        Assert.Equal(kind, DisplayKind.Parse(value!, out string error));
        Assert.Null(error);
    }

    [Fact]
    public void UnknownDisplay_IsRefusedWithAReason()
    {
        Assert.Equal(-1, DisplayKind.Parse("ILI9341 ", out string error));
        Assert.Contains("ssd1306, ili9341 or st7789", error);
    }
}
