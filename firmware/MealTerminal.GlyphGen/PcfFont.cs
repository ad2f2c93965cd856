namespace MealTerminal.GlyphGen;

/// <summary>One glyph as a bitmap: Rows[y][x], with the font's metrics.</summary>
public sealed record Glyph(int Width, int Ascent, int Descent, int LeftBearing, int Advance, bool[][] Rows);

/// <summary>
/// Reader for X11 PCF bitmap fonts (the format of Debian's xfonts-wqy), enough to get glyph
/// metrics, bitmaps and the Unicode encoding map. Layout per the PCF description in the X.Org
/// libXfont sources: a table of contents, then METRICS (4), BITMAPS (8) and BDF_ENCODINGS (32)
/// tables, each starting with its own format word.
/// </summary>
public sealed class PcfFont
{
    private const int Metrics = 4;
    private const int Bitmaps = 8;
    private const int Encodings = 32;
    private const int CompressedMetrics = 0x100;

    private readonly byte[] data;
    private readonly Dictionary<int, (int Format, int Offset)> tables = new();
    private readonly List<(int Left, int Right, int Width, int Ascent, int Descent)> metrics = new();
    private readonly List<bool[][]> bitmaps = new();
    private readonly Dictionary<int, int> glyphOfCode = new();

    public PcfFont(string path)
    {
        data = File.ReadAllBytes(path);
        if (data.Length < 8 || data[0] != 1 || data[1] != (byte)'f' || data[2] != (byte)'c' || data[3] != (byte)'p')
        {
            throw new InvalidDataException($"{path} is not a PCF font");
        }

        int count = ReadInt(8 - 4, false);
        for (int i = 0; i < count; i++)
        {
            int at = 8 + (i * 16);
            tables[ReadInt(at, false)] = (ReadInt(at + 4, false), ReadInt(at + 12, false));
        }

        ReadMetrics();
        ReadBitmaps();
        ReadEncodings();
    }

    public Glyph? Find(char c)
    {
        if (!glyphOfCode.TryGetValue(c, out int index))
        {
            return null;
        }

        var m = metrics[index];
        return new Glyph(m.Right - m.Left, m.Ascent, m.Descent, m.Left, m.Width, bitmaps[index]);
    }

    private void ReadMetrics()
    {
        var (format, offset) = tables[Metrics];
        bool msb = (format & 4) != 0;
        if ((format & CompressedMetrics) != 0)
        {
            int n = ReadShort(offset + 4, msb);
            for (int i = 0; i < n; i++)
            {
                int at = offset + 6 + (i * 5);
                metrics.Add((data[at] - 0x80, data[at + 1] - 0x80, data[at + 2] - 0x80, data[at + 3] - 0x80, data[at + 4] - 0x80));
            }
        }
        else
        {
            int n = ReadInt(offset + 4, msb);
            for (int i = 0; i < n; i++)
            {
                int at = offset + 8 + (i * 12);
                metrics.Add((ReadShort(at, msb), ReadShort(at + 2, msb), ReadShort(at + 4, msb), ReadShort(at + 6, msb), ReadShort(at + 8, msb)));
            }
        }
    }

    private void ReadBitmaps()
    {
        var (format, offset) = tables[Bitmaps];
        bool msbByte = (format & 4) != 0;
        bool msbBit = (format & 8) != 0;
        int rowPad = 1 << (format & 3);
        int n = ReadInt(offset + 4, msbByte);
        int offsetsAt = offset + 8;
        int dataAt = offsetsAt + (n * 4) + 16;
        for (int i = 0; i < n; i++)
        {
            var m = metrics[i];
            int width = m.Right - m.Left;
            int height = m.Ascent + m.Descent;
            int stride = ((width + 7) / 8 + rowPad - 1) / rowPad * rowPad;
            int start = dataAt + ReadInt(offsetsAt + (i * 4), msbByte);
            var rows = new bool[height][];
            for (int y = 0; y < height; y++)
            {
                rows[y] = new bool[width];
                for (int x = 0; x < width; x++)
                {
                    byte b = data[start + (y * stride) + (x / 8)];
                    int bit = msbBit ? 7 - (x % 8) : x % 8;
                    rows[y][x] = ((b >> bit) & 1) != 0;
                }
            }

            bitmaps.Add(rows);
        }
    }

    private void ReadEncodings()
    {
        var (format, offset) = tables[Encodings];
        bool msb = (format & 4) != 0;
        int minByte2 = ReadShort(offset + 4, msb);
        int maxByte2 = ReadShort(offset + 6, msb);
        int minByte1 = ReadShort(offset + 8, msb);
        int maxByte1 = ReadShort(offset + 10, msb);
        int at = offset + 14;
        for (int b1 = minByte1; b1 <= maxByte1; b1++)
        {
            for (int b2 = minByte2; b2 <= maxByte2; b2++)
            {
                int glyph = (ushort)ReadShort(at, msb);
                at += 2;
                if (glyph != 0xFFFF)
                {
                    glyphOfCode[(b1 << 8) | b2] = glyph;
                }
            }
        }
    }

    private int ReadInt(int at, bool msb) => msb
        ? (data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3]
        : data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24);

    private short ReadShort(int at, bool msb) => (short)(msb ? (data[at] << 8) | data[at + 1] : data[at] | (data[at + 1] << 8));
}
