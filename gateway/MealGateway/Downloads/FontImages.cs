using MealTerminal.Core.Flash;
using MealTerminal.Core.Fonts;
using MealTerminal.Core.Integrity;

namespace MealGateway.Downloads;

/// <summary>
/// The county's font image (docs/formats.md "Font image", download kind 4): one for every site,
/// the one the repository ships (firmware/Fonts, stored at start when the county has none) or one
/// the county uploads. Checked whole - header, layout, both CRCs, the terminal's slot size - before
/// anything is stored; a stored image carries the gateway's version, counted across all font images.
/// </summary>
public static class FontImages
{
    /// <summary>Largest image a terminal's font slot takes.</summary>
    public const int MaxBytes = FlashLayout.FontSlotBytes;

    /// <summary>The shipped image's name, copied beside the gateway (Fonts/) from firmware/Fonts.</summary>
    public const string ShippedFileName = "gb2312-24-32.fnt";

    /// <summary>Why an image cannot be offered (Chinese, for the operator), or null.</summary>
    public static string? Problem(byte[] image)
    {
        if (image.Length > MaxBytes)
        {
            return $"字库太大：{image.Length:N0} 字节，终端最多 {MaxBytes:N0} 字节";
        }

        if (image.Length < FontFormat.HeaderSize + FontFormat.CoverageBytes
            || FontFormat.CheckHeader(image, MaxBytes, new int[FontFormat.MaxSizes], new int[FontFormat.MaxSizes]) != image.Length)
        {
            return "不是有效的字库文件 (FNT1 文件头或长度不对)";
        }

        if (Crc32.Compute(image, FontFormat.HeaderSize, image.Length - FontFormat.HeaderSize) != LittleEndian.ReadUInt32(image, 16))
        {
            return "字库校验失败 (CRC)，文件可能已损坏";
        }

        return null;
    }

    /// <summary>Checks and stores an image for the county; null with the problem when refused (nothing stored).</summary>
    public static SiteImage? Import(SiteImages images, byte[] image, string source, DateTime nowUtc, out string? problem)
    {
        problem = Problem(image);
        return problem is null ? images.SetFontImage(image, source, nowUtc) : null;
    }

    /// <summary>Stores the shipped image when the county has no font yet; the image stored, or null when there was one already.</summary>
    public static SiteImage? SeedShipped(SiteImages images, string path, DateTime nowUtc)
    {
        if (images.Current(VoicePacks.County, MealTerminal.Core.Sync.DownloadCodec.KindFont) is not null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new GatewayStartException($"错误：找不到字库文件 '{path}' (font image not found)", new FileNotFoundException(path));
        }

        var image = Import(images, File.ReadAllBytes(path), Path.GetFileName(path), nowUtc, out string? problem);
        return image ?? throw new GatewayStartException($"错误：字库文件 '{path}' 有问题：{problem}", new InvalidDataException(problem));
    }

    /// <summary>The image with its header version set to the gateway's and its header CRC sealed again (the body CRC does not cover the header).</summary>
    public static byte[] Versioned(byte[] image, long version)
    {
        var copy = (byte[])image.Clone();
        LittleEndian.WriteUInt32(copy, 8, (uint)version);
        LittleEndian.WriteUInt32(copy, 60, Crc32.Compute(copy, 0, 60));
        return copy;
    }
}
