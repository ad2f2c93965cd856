using System.Runtime.CompilerServices;
using MealTerminal.Core.Display;
using MealTerminal.Core.Meals;
using MealTerminal.Simulator.Display;

namespace MealTerminal.Simulator.Tests.Display;

/// <summary>
/// Every screen on the 320x240 colour panel, in the shipped font image, must match its reviewed
/// picture docs/screens/colour-*.png pixel for pixel. After an intended change run the tests with
/// UPDATE_SNAPSHOTS=1 (it rewrites the pictures), look at them, commit.
/// </summary>
public class ColourScreenSnapshotTests
{
    private static readonly Lazy<ColourScreenRenderer> Renderer = new(() =>
    {
        var renderer = new ColourScreenRenderer();
        renderer.Text.Font = ShippedFont.Load();
        return renderer;
    });

    public static IEnumerable<object[]> Screens() => VerdictGallery.All().Select(s => new object[] { s.Name });

    [Theory]
    [MemberData(nameof(Screens))]
    public void ColourScreen_MatchesItsReviewedPicture(string name)
    {
        var panel = VerdictGallery.Colour(VerdictGallery.All().Single(s => s.Name == name).Screen, Renderer.Value);
        var png = panel.ToPng();
        string path = Path.Combine(ScreensFolder(), "colour-" + name + ".png");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllBytes(path, png);
        }

        Assert.True(File.Exists(path), $"no reviewed picture {path}; run with UPDATE_SNAPSHOTS=1 and look at it");
        Assert.True(ColourPanel.RgbOf(File.ReadAllBytes(path)).SequenceEqual(ColourPanel.RgbOf(png)), $"{name} differs from {path}");
    }

    [Theory]
    [InlineData(VerdictCode.Accepted, Rgb565.Green, VerdictShapes.Check)]
    [InlineData(VerdictCode.AcceptedStorageLow, Rgb565.Green, VerdictShapes.Check)]
    [InlineData(VerdictCode.AlreadyEaten, Rgb565.Red, VerdictShapes.Cross)]
    [InlineData(VerdictCode.UnknownCard, Rgb565.Red, VerdictShapes.Cross)]
    [InlineData(VerdictCode.TapAgain, Rgb565.Amber, VerdictShapes.Exclamation)]
    public void EveryVerdict_HasAColourAndAShapeThatSayTheSame(int verdict, int colour, int shape)
    {
        var panel = VerdictGallery.Colour(VerdictGallery.Screens().Single(s => s.Verdict == verdict).Screen, Renderer.Value);
        Assert.Equal(colour, panel.Pixel(2, 2));
        Assert.Equal(shape, ColourScreenRenderer.ShapeOf(verdict));
        var shapes = new VerdictShapes();
        var bits = shapes.Bitmap(shape)!;
        int ink = bits.Sum(b => System.Numerics.BitOperations.PopCount(b));
        Assert.InRange(ink, 200, 1200);
        Assert.NotEqual(shapes.Bitmap(VerdictShapes.Check), shapes.Bitmap(VerdictShapes.Cross));
    }

    [Fact]
    public void TitleIsAtLeast32PixelsAndOtherLinesAtLeast24()
    {
        var painter = Renderer.Value.Text;
        Assert.True(painter.HeightOf(ColourScreenRenderer.TitleHeight) >= 32);
        Assert.True(painter.HeightOf(ColourScreenRenderer.NameHeight) >= 32);
        Assert.True(painter.HeightOf(ColourScreenRenderer.LineHeight) >= 24);
    }

    [Fact]
    public void NameWithACharacterTheFontLacks_IsDrawnWithABoxAndTheRestIntact()
    {
        var screen = VerdictGallery.Screens().Single(s => s.Verdict == VerdictCode.Accepted).Screen;
        var withGap = new Screen();
        withGap.Set(screen.Verdict, screen.Signal, screen.Line1, screen.Line2, screen.Line3, screen.Line4);
        VerdictScreens.SetName(withGap, [0xCD, 0xF5, 0xAA, 0xA1, 0xD3, 0xA2, 0x81], 7); // 王, an unassigned cell, 英, half a GBK code
        var panel = VerdictGallery.Colour(withGap, Renderer.Value);
        var normal = VerdictGallery.Colour(screen, Renderer.Value);
        int nameTop = ColourScreenRenderer.BandHeight + 8;
        int left = (320 - (4 * 32)) / 2; // 王, box, 英, box for the lone byte
        int normalLeft = (320 - (3 * 32)) / 2;
        Assert.Equal(Rgb565.Black, panel.Pixel(left + 32 + 3, nameTop + 16)); // the box's left edge
        Assert.Equal(Rgb565.White, panel.Pixel(left + 32 + 16, nameTop + 16)); // hollow
        Assert.Equal(Rgb565.Black, panel.Pixel(left + 96 + 3, nameTop + 16)); // the lone byte's box
        for (int y = 0; y < 32; y++)
        {
            for (int x = 0; x < 32; x++)
            {
                Assert.Equal(normal.Pixel(normalLeft + x, nameTop + y), panel.Pixel(left + x, nameTop + y)); // 王 as always
            }
        }
    }

    private static string ScreensFolder([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "..", "docs", "screens"));
}
