using System.Runtime.InteropServices;

namespace MealTerminal.GlyphGen;

/// <summary>
/// Renders glyphs of an outline font (or its embedded bitmap strike, where the font has one at that
/// size) through the system's FreeType (libfreetype6 on Debian), one bit per pixel. Dev-time only:
/// the font image it feeds is data the repository ships. Struct offsets are those of FreeType 2.x
/// on 64-bit Linux (freetype.h: FT_FaceRec.glyph, FT_GlyphSlotRec.bitmap / bitmap_left / bitmap_top).
/// </summary>
public sealed class FreeTypeFace : IDisposable
{
    private const int LoadRender = 1 << 2;          // FT_LOAD_RENDER
    private const int LoadMonochrome = 1 << 12;     // FT_LOAD_MONOCHROME
    private const int LoadTargetMono = 2 << 16;     // FT_LOAD_TARGET_MONO
    private const int FaceGlyphOffset = 152;        // FT_FaceRec.glyph
    private const int SlotBitmapOffset = 152;       // FT_GlyphSlotRec.bitmap (rows, width, pitch, buffer)
    private const int SlotBitmapLeftOffset = 192;   // FT_GlyphSlotRec.bitmap_left, bitmap_top
    private const int PixelModeMono = 1;            // FT_PIXEL_MODE_MONO

    private readonly IntPtr library;
    private readonly IntPtr face;

    public FreeTypeFace(string path, int faceIndex = 0)
    {
        Check(FT_Init_FreeType(out library), "FT_Init_FreeType");
        Check(FT_New_Face(library, path, faceIndex, out face), $"FT_New_Face {path}");
        Source = Path.GetFileName(path);
    }

    public string Source { get; }

    public void SetPixelHeight(int pixels) => Check(FT_Set_Pixel_Sizes(face, 0, (uint)pixels), "FT_Set_Pixel_Sizes");

    public bool Has(int codePoint) => FT_Get_Char_Index(face, (nuint)codePoint) != 0;

    /// <summary>The glyph as Rows[y][x] with its left bearing and its top above the baseline, or null when the font has none.</summary>
    public (bool[][] Rows, int Left, int Top)? Render(int codePoint)
    {
        if (!Has(codePoint) || FT_Load_Char(face, (nuint)codePoint, LoadRender | LoadMonochrome | LoadTargetMono) != 0)
        {
            return null;
        }

        IntPtr slot = Marshal.ReadIntPtr(face, FaceGlyphOffset);
        int rows = Marshal.ReadInt32(slot, SlotBitmapOffset);
        int width = Marshal.ReadInt32(slot, SlotBitmapOffset + 4);
        int pitch = Marshal.ReadInt32(slot, SlotBitmapOffset + 8);
        IntPtr buffer = Marshal.ReadIntPtr(slot, SlotBitmapOffset + 16);
        byte mode = Marshal.ReadByte(slot, SlotBitmapOffset + 26);
        if (mode != PixelModeMono && rows > 0)
        {
            throw new InvalidOperationException($"FreeType gave pixel mode {mode} for U+{codePoint:X4}, not monochrome");
        }

        var bitmap = new bool[rows][];
        for (int y = 0; y < rows; y++)
        {
            bitmap[y] = new bool[width];
            for (int x = 0; x < width; x++)
            {
                byte b = Marshal.ReadByte(buffer, (y * Math.Abs(pitch)) + (x >> 3));
                bitmap[y][x] = (b & (0x80 >> (x & 7))) != 0;
            }
        }

        return (bitmap, Marshal.ReadInt32(slot, SlotBitmapLeftOffset), Marshal.ReadInt32(slot, SlotBitmapLeftOffset + 4));
    }

    public void Dispose()
    {
        FT_Done_Face(face);
        FT_Done_FreeType(library);
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"{what} failed: FreeType error {error}");
        }
    }

    [DllImport("libfreetype.so.6")]
    private static extern int FT_Init_FreeType(out IntPtr library);

    [DllImport("libfreetype.so.6")]
    private static extern int FT_Done_FreeType(IntPtr library);

    [DllImport("libfreetype.so.6")]
    private static extern int FT_New_Face(IntPtr library, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, nint faceIndex, out IntPtr face);

    [DllImport("libfreetype.so.6")]
    private static extern int FT_Done_Face(IntPtr face);

    [DllImport("libfreetype.so.6")]
    private static extern int FT_Set_Pixel_Sizes(IntPtr face, uint width, uint height);

    [DllImport("libfreetype.so.6")]
    private static extern uint FT_Get_Char_Index(IntPtr face, nuint charCode);

    [DllImport("libfreetype.so.6")]
    private static extern int FT_Load_Char(IntPtr face, nuint charCode, int loadFlags);
}
