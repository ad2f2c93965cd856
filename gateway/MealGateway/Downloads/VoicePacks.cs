using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Voice;

namespace MealGateway.Downloads;

/// <summary>
/// Voice packs (docs/voice.md): one for the whole county, and optionally one per site that replaces
/// it there (a dialect recorded for that village). Versions are counted across all packs, so a pack
/// stored later is always newer than any a terminal runs, whichever scope it came from.
/// </summary>
public static class VoicePacks
{
    /// <summary>The site key of the county-wide pack in the image store.</summary>
    public const string County = "*";

    /// <summary>Largest pack a terminal's slot takes.</summary>
    public const int MaxBytes = FlashLayout.DefaultVoiceSectorsPerSlot * 4096;

    /// <summary>Why a pack cannot be offered (Chinese, for the operator), or null.</summary>
    public static string? Problem(byte[] pack)
    {
        if (pack.Length > MaxBytes)
        {
            return $"语音包太大：{pack.Length:N0} 字节，终端最多 {MaxBytes:N0} 字节";
        }

        if (VoicePackFormat.CheckHeader(pack, pack.Length, pack.Length) is { } problem)
        {
            return $"不是有效的语音包 ({problem})";
        }

        if (Crc32.Compute(pack, 0, pack.Length - 4) != LittleEndian.ReadUInt32(pack, pack.Length - 4))
        {
            return "语音包校验失败 (CRC)，文件可能已损坏";
        }

        return null;
    }

    /// <summary>Checks and stores a pack for a site, or for the county when site is null; null with the problem when refused (nothing stored).</summary>
    public static SiteImage? Import(SiteImages images, string? site, byte[] pack, DateTime nowUtc, out string? problem)
    {
        problem = site is null ? null : IdRule.Problem(site, "站点编号");
        problem ??= Problem(pack);
        return problem is null ? images.SetVoicePack(site ?? County, pack, nowUtc) : null;
    }

    /// <summary>The pack with its header version set to the gateway's version and its CRC sealed again.</summary>
    public static byte[] Versioned(byte[] pack, long version)
    {
        var image = (byte[])pack.Clone();
        LittleEndian.WriteUInt32(image, 8, (uint)version);
        LittleEndian.WriteUInt32(image, image.Length - 4, Crc32.Compute(image, 0, image.Length - 4));
        return image;
    }
}
