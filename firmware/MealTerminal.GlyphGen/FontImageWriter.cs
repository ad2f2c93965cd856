using System.Text;
using MealTerminal.Core.Fonts;

namespace MealTerminal.GlyphGen;

/// <summary>
/// Makes the terminal's font image (Core/Fonts/FontFormat): printable ASCII at half width and every
/// assigned GB2312 cell (symbol rows 1-9, level 1 rows 16-55, level 2 rows 56-87) at each height,
/// rendered from one Debian font, placed on a common baseline. A cell the font lacks stays
/// uncovered and the terminal draws it as a box.
/// </summary>
public static class FontImageWriter
{
    public static readonly Encoding Gb2312 = LoadGb2312();

    /// <summary>Writes the image; returns how many GB2312 cells are covered.</summary>
    public static int Write(FreeTypeFace face, int[] heights, uint version, string output)
    {
        var builder = new FontImageBuilder(heights);
        int covered = 0;
        for (int s = 0; s < heights.Length; s++)
        {
            int h = heights[s];
            face.SetPixelHeight(h);
            int baseline = Baseline(face, h);
            for (int c = FontFormat.AsciiFirst; c < FontFormat.AsciiFirst + FontFormat.AsciiCount; c++)
            {
                builder.SetAscii(s, c, Cell(face.Render(c), FontFormat.HalfWidth(h), h, FontFormat.HalfStride(h), baseline));
            }

            covered = 0;
            for (int cell = 0; cell < FontFormat.Cells; cell++)
            {
                int codePoint = CodePointOf(cell);
                var glyph = codePoint < 0 ? null : face.Render(codePoint);
                if (glyph is null)
                {
                    continue;
                }

                builder.SetCell(s, cell, Cell(glyph, h, h, FontFormat.FullStride(h), baseline));
                covered++;
            }
        }

        File.WriteAllBytes(output, builder.Finish(version));
        return covered;
    }

    /// <summary>The Unicode character of an assigned GB2312 cell, or -1 (unassigned rows 10-15 and 88-94, GBK's private-use cells).</summary>
    public static int CodePointOf(int cell)
    {
        int row = (cell / 94) + 1;
        if ((row >= 10 && row <= 15) || row >= 88)
        {
            return -1;
        }

        string text = Gb2312.GetString([(byte)(0xA0 + row), (byte)(0xA1 + (cell % 94))]);
        return text.Length == 1 && text[0] != '\uFFFD' && !char.IsSurrogate(text[0]) && (text[0] < 0xE000 || text[0] > 0xF8FF) ? text[0] : -1;
    }

    /// <summary>The baseline that centres the ideograph 国 vertically in an h-pixel cell.</summary>
    private static int Baseline(FreeTypeFace face, int h)
    {
        var reference = face.Render('国') ?? throw new InvalidOperationException($"{face.Source} has no 国");
        return ((h - reference.Rows.Length) / 2) + reference.Top;
    }

    private static byte[] Cell((bool[][] Rows, int Left, int Top)? glyph, int width, int h, int stride, int baseline)
    {
        var cell = new byte[h * stride];
        if (glyph is not { } g)
        {
            return cell;
        }

        int dx = Math.Clamp(g.Left, 0, Math.Max(0, width - (g.Rows.Length > 0 ? g.Rows[0].Length : 0)));
        for (int y = 0; y < g.Rows.Length; y++)
        {
            int cy = baseline - g.Top + y;
            for (int x = 0; x < g.Rows[y].Length; x++)
            {
                int cx = dx + x;
                if (g.Rows[y][x] && cx < width && cy >= 0 && cy < h)
                {
                    cell[(cy * stride) + (cx >> 3)] |= (byte)(0x80 >> (cx & 7));
                }
            }
        }

        return cell;
    }

    private static Encoding LoadGb2312()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    }
}
