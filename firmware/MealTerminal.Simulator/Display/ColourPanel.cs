using System.IO.Compression;
using MealTerminal.Core.Display;

namespace MealTerminal.Simulator.Display;

/// <summary>
/// The 320x240 colour panel in memory: what the ILI9341 / ST7789 would show, drawn through the same
/// IPanel calls the device sends over SPI, written out as an RGB PNG (and read back for the snapshot tests).
/// </summary>
public sealed class ColourPanel : IPanel
{
    public const int PanelWidth = 320;
    public const int PanelHeight = 240;

    private readonly ushort[] pixels = new ushort[PanelWidth * PanelHeight];

    public int Width => PanelWidth;

    public int Height => PanelHeight;

    /// <summary>Rectangles and bitmaps drawn since the last Clear: what one screen costs on the SPI bus.</summary>
    public int Operations { get; private set; }

    public int Pixel(int x, int y) => pixels[(y * PanelWidth) + x];

    public void Clear()
    {
        Array.Clear(pixels);
        Operations = 0;
    }

    public void Fill(int x, int y, int width, int height, int colour)
    {
        Operations++;
        for (int row = Math.Max(y, 0); row < Math.Min(y + height, PanelHeight); row++)
        {
            for (int col = Math.Max(x, 0); col < Math.Min(x + width, PanelWidth); col++)
            {
                pixels[(row * PanelWidth) + col] = (ushort)colour;
            }
        }
    }

    public void DrawBits(int x, int y, int width, int height, byte[] bits, int offset, int stride, int foreground, int background)
    {
        Operations++;
        for (int row = 0; row < height; row++)
        {
            for (int col = 0; col < width; col++)
            {
                int px = x + col;
                int py = y + row;
                if (px >= 0 && px < PanelWidth && py >= 0 && py < PanelHeight)
                {
                    bool on = (bits[offset + (row * stride) + (col >> 3)] & (0x80 >> (col & 7))) != 0;
                    pixels[(py * PanelWidth) + px] = (ushort)(on ? foreground : background);
                }
            }
        }
    }

    /// <summary>An 8-bit RGB PNG of the panel at its own size, RGB565 widened to 8 bits per channel.</summary>
    public byte[] ToPng()
    {
        var raw = new byte[PanelHeight * (1 + (3 * PanelWidth))];
        for (int y = 0; y < PanelHeight; y++)
        {
            int at = y * (1 + (3 * PanelWidth));
            raw[at] = 0; // filter: none
            for (int x = 0; x < PanelWidth; x++)
            {
                int c = pixels[(y * PanelWidth) + x];
                raw[at + 1 + (3 * x)] = (byte)(((c >> 11) & 0x1F) * 255 / 31);
                raw[at + 2 + (3 * x)] = (byte)(((c >> 5) & 0x3F) * 255 / 63);
                raw[at + 3 + (3 * x)] = (byte)((c & 0x1F) * 255 / 31);
            }
        }

        using var png = new MemoryStream();
        png.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var header = new byte[13];
        FramePictures.WriteBigEndian(header, 0, PanelWidth);
        FramePictures.WriteBigEndian(header, 4, PanelHeight);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        FramePictures.WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(raw);
            }

            FramePictures.WriteChunk(png, "IDAT", compressed.ToArray());
        }

        FramePictures.WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The RGB bytes of a PNG this class wrote (one IDAT, filter none), for comparing with a reviewed picture.</summary>
    public static byte[] RgbOf(byte[] png)
    {
        using var idat = new MemoryStream();
        for (int at = 8; at < png.Length;)
        {
            int length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
            if (System.Text.Encoding.ASCII.GetString(png, at + 4, 4) == "IDAT")
            {
                idat.Write(png, at + 8, length);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        return raw.ToArray();
    }
}
