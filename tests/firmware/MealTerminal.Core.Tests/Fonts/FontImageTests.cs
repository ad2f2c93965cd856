using MealTerminal.Core.Flash;
using MealTerminal.Core.Fonts;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;

namespace MealTerminal.Core.Tests.Fonts;

/// <summary>The font image: glyphs found by GB2312 code, anything absent reads as missing (a box), bad images refused.</summary>
public class FontImageTests
{
    private const int 王 = (0xCD - 0xA1) * 94 + (0xF5 - 0xA1); // GB2312 CDF5

    private readonly RamFlash flash = new(1024, 4096, 256);

    /// <summary>A two-size image whose glyph rows encode the cell, so a read of the wrong cell shows.</summary>
    public static byte[] SampleImage(uint version = 1, int[]? heights = null, int[]? cells = null)
    {
        heights ??= [24, 32];
        var builder = new FontImageBuilder(heights);
        for (int s = 0; s < heights.Length; s++)
        {
            int h = heights[s];
            for (int c = FontFormat.AsciiFirst; c < FontFormat.AsciiFirst + FontFormat.AsciiCount; c++)
            {
                builder.SetAscii(s, c, Rows(h * FontFormat.HalfStride(h), c));
            }

            foreach (int cell in cells ?? [王, 0, 1500])
            {
                builder.SetCell(s, cell, Rows(h * FontFormat.FullStride(h), cell));
            }
        }

        return builder.Finish(version);
    }

    public static byte[] Rows(int count, int seed)
    {
        var rows = new byte[count];
        for (int i = 0; i < count; i++)
        {
            rows[i] = (byte)(seed + (i * 7));
        }

        return rows;
    }

    private FontStore Store()
    {
        var state = new StateLog(flash, 0);
        state.Mount();
        var store = new FontStore(flash, state, 2, 460);
        store.Mount();
        return store;
    }

    [Fact]
    public void GlyphOfAGb2312Code_IsReadFromItsCellAtEachSize()
    {
        var store = Store();
        Assert.True(store.Install(SampleImage()));
        var font = store.Active!;
        var rows = new byte[FontFormat.MaxGlyphBytes];
        int size32 = font.SizeIndex(32);
        Assert.Equal(1, size32);
        Assert.Equal(32, font.ReadGlyph(size32, 0xCD, 0xF5, rows));
        Assert.Equal(Rows(32 * 4, 王), rows[..(32 * 4)]);
        Assert.Equal(24, font.ReadGlyph(font.SizeIndex(24), 0xCD, 0xF5, rows));
        Assert.Equal(Rows(24 * 3, 王), rows[..(24 * 3)]);
    }

    [Fact]
    public void AsciiGlyph_IsHalfWidth()
    {
        var store = Store();
        Assert.True(store.Install(SampleImage()));
        var rows = new byte[FontFormat.MaxGlyphBytes];
        Assert.Equal(12, store.Active!.ReadGlyph(0, '5', 0, rows));
        Assert.Equal(Rows(24 * 2, '5'), rows[..48]);
    }

    [Theory]
    [InlineData(0xB0, 0xA2)] // 啊 is in GB2312 but not in this image
    [InlineData(0x81, 0x40)] // a GBK code, outside GB2312
    [InlineData(0xA1, 0xFF)]
    [InlineData(0x0A, 0x00)] // a control character
    [InlineData(0xFF, 0xFF)]
    public void CodeTheImageDoesNotHave_ReadsAsMissing(int first, int second)
    {
        var store = Store();
        Assert.True(store.Install(SampleImage()));
        Assert.Equal(0, store.Active!.ReadGlyph(1, first, second, new byte[FontFormat.MaxGlyphBytes]));
    }

    [Fact]
    public void SizeTheImageDoesNotHave_ReadsAsMissing()
    {
        var store = Store();
        Assert.True(store.Install(SampleImage(heights: [24])));
        Assert.Equal(-1, store.Active!.SizeIndex(32));
        Assert.Equal(0, store.Active.ReadGlyph(-1, 0xCD, 0xF5, new byte[FontFormat.MaxGlyphBytes]));
        Assert.Equal(0, store.Active.ReadGlyph(3, 0xCD, 0xF5, new byte[FontFormat.MaxGlyphBytes]));
    }

    [Fact]
    public void CorruptGlyphByte_IsRefusedAndTheOldFontKept()
    {
        var store = Store();
        Assert.True(store.Install(SampleImage(1)));
        var bad = SampleImage(2);
        bad[^100] ^= 0x10;
        Assert.False(store.Install(bad));
        Assert.Equal(1u, store.InstalledVersion);
        Assert.Equal(1u, Reboot().InstalledVersion);
    }

    [Fact]
    public void HeaderWhoseSizeBlocksDoNotAddUp_IsRefused()
    {
        var store = Store();
        var bad = SampleImage(2);
        LittleEndian.WriteUInt32(bad, FontFormat.SizeTableOffset + 12, 5000); // second size's offset moved
        LittleEndian.WriteUInt32(bad, 60, Crc32.Compute(bad, 0, 60));
        Assert.False(store.Install(bad));
        Assert.Null(store.Active);
    }

    [Fact]
    public void InstalledFont_IsFoundAgainAfterAReboot()
    {
        Assert.True(Store().Install(SampleImage(7)));
        var again = Reboot();
        Assert.Equal(7u, again.InstalledVersion);
        Assert.Equal(32, again.Active!.ReadGlyph(1, 0xCD, 0xF5, new byte[FontFormat.MaxGlyphBytes]));
    }

    private FontStore Reboot() => Store();
}
