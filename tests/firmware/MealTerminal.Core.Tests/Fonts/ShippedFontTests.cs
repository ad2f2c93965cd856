using MealTerminal.Core.Display;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Fonts;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Fonts;

/// <summary>The font image the repository ships (firmware/Fonts), as a terminal installs it: every character the screens use and common names are there.</summary>
public class ShippedFontTests
{
    public static readonly string ImagePath = Path.Combine(RepoRoot(), "firmware", "Fonts", "gb2312-24-32.fnt");

    public static FontSlot Installed(IFlash? flash = null)
    {
        flash ??= new RamFlash(1024, 4096, 256);
        var state = new StateLog(flash, 0);
        state.Mount();
        var store = new FontStore(flash, state, 2, 440);
        store.Mount();
        Assert.True(store.Install(File.ReadAllBytes(ImagePath)));
        return store.Active!;
    }

    [Fact]
    public void EveryChineseCharacterOfTheScreens_HasAGlyphAtBothSizes()
    {
        var font = Installed();
        var rows = new byte[FontFormat.MaxGlyphBytes];
        for (int i = 0; i < GlyphTable.Characters.Length; i++)
        {
            int code = GlyphTable.Gb2312Codes[i];
            int first = code == 0 ? GlyphTable.Characters[i] : code >> 8;
            Assert.True(font.ReadGlyph(font.SizeIndex(32), first, code & 0xFF, rows) > 0, $"no 32 px glyph for '{GlyphTable.Characters[i]}'");
            Assert.True(font.ReadGlyph(font.SizeIndex(24), first, code & 0xFF, rows) > 0, $"no 24 px glyph for '{GlyphTable.Characters[i]}'");
        }
    }

    [Theory]
    [InlineData("王秀英")]
    [InlineData("欧阳淑珍")]
    [InlineData("龚翟鑫")]
    [InlineData("＊□")]
    public void NamesCharacters_AreDrawnInkedAndInsideTheirCell(string name)
    {
        var font = Installed();
        var rows = new byte[FontFormat.MaxGlyphBytes];
        var bytes = NamedRoster.Gb2312.GetBytes(name);
        for (int i = 0; i < bytes.Length; i += 2)
        {
            Assert.Equal(32, font.ReadGlyph(font.SizeIndex(32), bytes[i], bytes[i + 1], rows));
            int ink = rows[..(32 * 4)].Sum(b => System.Numerics.BitOperations.PopCount(b));
            Assert.InRange(ink, 12, 32 * 32 * 3 / 4);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Terminal.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
