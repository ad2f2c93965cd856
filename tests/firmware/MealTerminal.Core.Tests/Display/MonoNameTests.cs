using MealTerminal.Core.Display;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Fonts;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Tests.Fakes;
using MealTerminal.Core.Tests.Fonts;

namespace MealTerminal.Core.Tests.Display;

/// <summary>The elder's name on the 128x64 SSD1306: after the period on line 2, 16 px glyphs halved from the font image's 32 px ones.</summary>
public class MonoNameTests
{
    private static readonly FontSlot Shipped = ShippedFontTests.Installed();

    private static Screen Accepted(string name)
    {
        var screen = new Screen();
        VerdictScreens.Render(screen, VerdictCode.Accepted, "午餐", "高龄");
        var bytes = NamedRoster.Gb2312.GetBytes(name);
        VerdictScreens.SetName(screen, bytes, bytes.Length);
        return screen;
    }

    private static FrameBuffer Draw(Screen screen, FontSlot? font)
    {
        var frame = new FrameBuffer();
        ScreenRenderer.Render(screen, frame, new MonoNamePainter { Font = font });
        return frame;
    }

    private static bool[] Pixels(FrameBuffer frame, int top, int bottom) =>
        Enumerable.Range(top * FrameBuffer.Width, (bottom - top) * FrameBuffer.Width).Select(i => frame.GetPixel(i % FrameBuffer.Width, i / FrameBuffer.Width)).ToArray();

    [Theory]
    [InlineData("王＊英")]
    [InlineData("欧阳淑珍")]
    [InlineData("龚翟鑫")]
    public void TheName_FollowsThePeriodOnLine2_InsideItsLine_AndTheOtherLinesStay(string name)
    {
        var screen = Accepted(name);
        var withName = Draw(screen, Shipped);
        var without = Draw(screen, null);

        Assert.Equal(Pixels(without, 0, 16), Pixels(withName, 0, 16));
        Assert.Equal(Pixels(without, 32, 64), Pixels(withName, 32, 64));
        int nameWidth = new MonoNamePainter { Font = Shipped }.Measure(screen.Name, screen.NameLength);
        Assert.Equal(16 * (name.Length), nameWidth);
        int right = Enumerable.Range(0, FrameBuffer.Width).Last(x => Enumerable.Range(16, 16).Any(y => withName.GetPixel(x, y)));
        int left = Enumerable.Range(0, FrameBuffer.Width).First(x => Enumerable.Range(16, 16).Any(y => withName.GetPixel(x, y)));
        Assert.InRange(right - left, nameWidth, FrameBuffer.Width - 1); // period, gap and name, all on the display
        int inked = Enumerable.Range(right - nameWidth + 1, nameWidth).Sum(x => Enumerable.Range(16, 16).Count(y => withName.GetPixel(x, y)));
        Assert.True(inked > 20 * name.Length, $"only {inked} pixels of ink for {name}");
    }

    [Fact]
    public void AName_IsDrawnOnlyWithAFontImageThatHas32PixelGlyphs()
    {
        var screen = Accepted("王＊英");
        var plain = new FrameBuffer();
        ScreenRenderer.Render(screen, plain);
        Assert.Equal(Pixels(plain, 0, 64), Pixels(Draw(screen, null), 0, 64));
        Assert.Equal(Pixels(plain, 0, 64), Pixels(Draw(screen, Install(FontImageTests.SampleImage(1, heights: [24]))), 0, 64));
        Assert.NotEqual(Pixels(plain, 0, 64), Pixels(Draw(screen, Shipped), 0, 64));
    }

    [Fact]
    public void ACharacterTheImageLacks_OrABrokenByte_IsABox_NeverACrash()
    {
        var font = Install(FontImageTests.SampleImage(1, heights: [32], cells: [0]));
        var screen = new Screen();
        VerdictScreens.Render(screen, VerdictCode.Accepted, string.Empty, string.Empty);
        byte[] name = [0xCD, 0xF5, 0xA1, 0xA1, 0xFF, 0xFF, 0xCD];
        VerdictScreens.SetName(screen, name, name.Length);
        var frame = Draw(screen, font);

        int left = (FrameBuffer.Width - new MonoNamePainter().Measure(name, name.Length)) / 2;
        Assert.True(frame.GetPixel(left + 2, 16 + 2) && frame.GetPixel(left + 13, 16 + 13)); // 王 not in this image: a box
        Assert.True(frame.GetPixel(left + 32 + 2, 16 + 2) && frame.GetPixel(left + 32 + 13, 16 + 13)); // FFFF, no GB2312 code: a box
        Assert.True(frame.GetPixel(left + 48 + 2, 16 + 2) && frame.GetPixel(left + 48 + 5, 16 + 13)); // a lone first byte: a half-width box
        Assert.False(frame.GetPixel(left + 48 + 6, 16 + 8));
    }

    private static FontSlot Install(byte[] image)
    {
        var flash = new RamFlash(2 + 2 * ((image.Length / 4096) + 1), 4096, 256);
        var state = new StateLog(flash, 0);
        state.Mount();
        var store = new FontStore(flash, state, 2, (image.Length / 4096) + 1);
        store.Mount();
        Assert.True(store.Install(image));
        return store.Active!;
    }
}
