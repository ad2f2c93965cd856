using System.IO.Compression;
using MealTerminal.Core.Display;

namespace MealTerminal.Simulator.Display;

/// <summary>Renders the terminal's frame buffer for review without hardware: as text art or as a PNG.</summary>
public static class FramePictures
{
    /// <summary>One text line per pixel row: '#' lit, '.' dark.</summary>
    public static string ToText(FrameBuffer frame)
    {
        var lines = new string[FrameBuffer.Height];
        for (int y = 0; y < FrameBuffer.Height; y++)
        {
            var row = new char[FrameBuffer.Width];
            for (int x = 0; x < FrameBuffer.Width; x++)
            {
                row[x] = frame.GetPixel(x, y) ? '#' : '.';
            }

            lines[y] = new string(row);
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// A grayscale PNG (RFC 2083): lit pixels in the OLED's light blue-white, scaled up so a
    /// reviewer can read it. Written by hand to avoid a native imaging dependency.
    /// </summary>
    public static byte[] ToPng(FrameBuffer frame, int scale = 4)
    {
        int width = FrameBuffer.Width * scale;
        int height = FrameBuffer.Height * scale;
        var raw = new byte[height * (1 + width)];
        for (int y = 0; y < height; y++)
        {
            raw[y * (1 + width)] = 0; // filter: none
            for (int x = 0; x < width; x++)
            {
                raw[(y * (1 + width)) + 1 + x] = frame.GetPixel(x / scale, y / scale) ? (byte)235 : (byte)20;
            }
        }

        using var png = new MemoryStream();
        png.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)width);
        WriteBigEndian(header, 4, (uint)height);
        header[8] = 8; // bit depth
        header[9] = 0; // grayscale
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(raw);
            }

            WriteChunk(png, "IDAT", compressed.ToArray());
        }

        WriteChunk(png, "IEND", Array.Empty<byte>());
        return png.ToArray();
    }

    internal static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        png.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        png.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, MealTerminal.Core.Integrity.Crc32.Compute(typed, 0, typed.Length));
        png.Write(crc);
    }

    internal static void WriteBigEndian(byte[] buffer, int at, uint value)
    {
        buffer[at] = (byte)(value >> 24);
        buffer[at + 1] = (byte)(value >> 16);
        buffer[at + 2] = (byte)(value >> 8);
        buffer[at + 3] = (byte)value;
    }
}
