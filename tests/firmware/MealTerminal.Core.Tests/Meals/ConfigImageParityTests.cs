using System.Text;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Tests.Meals;

/// <summary>
/// Issue 15: a configuration image's period names read the same on nanoFramework and .NET. On the
/// device Encoding.UTF8.GetString stops at the first NUL, decodes malformed UTF-8 to fewer U+FFFD
/// and reads a surrogate pair wrongly (docs/nanoframework-subset.md), so the decoder accepts only
/// names both runtimes decode alike (PortableText) and strips nothing; the encoder refuses the rest.
/// </summary>
public class ConfigImageParityTests
{
    public static TheoryData<string, byte[]> NamesTheRuntimesReadDifferently => new()
    {
        { "NUL inside (the device's GetString stops there)", [0xE5, 0x8D, 0x88, 0x00, 0x41] },
        { "NUL at the end", [0x41, 0x42, 0x00] },
        { "lone continuation byte (malformed)", [0x41, 0x80, 0x42] },
        { "truncated three-byte sequence", [0x41, 0xE5, 0x8D] },
        { "overlong encoding of '/'", [0xC0, 0xAF] },
        { "encoded surrogate half", [0xED, 0xA0, 0x80] },
        { "four-byte character (a surrogate pair in a string)", [0xF0, 0x9F, 0x8D, 0x9A] },
        { "leading byte-order mark (the device's Trim strips it)", [0xEF, 0xBB, 0xBF, 0xE5, 0x8D, 0x88] },
        { "C1 control U+0085 (Trim strips it on .NET only)", [0xC2, 0x85, 0x41] },
        { "tab", [0x41, 0x09, 0x42] },
    };

    [Theory]
    [MemberData(nameof(NamesTheRuntimesReadDifferently))]
    public void AnImageWithSuchAName_IsRefusedWhole(string why, byte[] name)
    {
        byte[] image = ImageWithName(name, out int length);
        var read = new ConfigValues();

        Assert.True(ConfigImage.TryDecode(image, length, read) == -1, why);
        Assert.Null(read.Periods);
    }

    [Fact]
    public void AChineseName_WithSpacesAroundIt_IsReadExactly_NothingStripped()
    {
        byte[] name = Encoding.UTF8.GetBytes(" 午餐\u3000");
        byte[] image = ImageWithName(name, out int length);
        var read = new ConfigValues();

        Assert.Equal(length, ConfigImage.TryDecode(image, length, read));
        Assert.Equal(" 午餐\u3000", read.Periods[0].Name);
    }

    [Theory]
    [InlineData("午\0餐")]
    [InlineData("\uFEFF午餐")]
    [InlineData("午餐\u0085")]
    [InlineData("🍚")]
    [InlineData("lone surrogate")] // built below: an attribute cannot carry a lone surrogate
    public void TheEncoder_RefusesANameTheDeviceWouldReadDifferently(string name)
    {
        name = name == "lone surrogate" ? "午" + (char)0xD800 + "餐" : name;
        var values = new ConfigValues { Version = 3, Periods = [new MealPeriod(name, 11 * 60, 13 * 60, 1)] };

        Assert.Equal(-1, ConfigImage.Encode(new byte[ConfigImage.MaxSize], values, out string problem));
        Assert.Contains("meal period name", problem);
    }

    /// <summary>A valid one-period image whose name bytes are replaced, with the CRC recomputed.</summary>
    private static byte[] ImageWithName(byte[] name, out int length)
    {
        var values = new ConfigValues { Version = 3, Periods = [new MealPeriod(new string('x', name.Length), 11 * 60, 13 * 60, 1)] };
        var image = new byte[ConfigImage.MaxSize];
        length = ConfigImage.Encode(image, values, out string problem);
        Assert.Null(problem);
        Assert.Equal(name.Length, image[11 + 5]);
        name.CopyTo(image, 11 + 6);
        LittleEndian.WriteUInt32(image, length - 4, Crc32.Compute(image, 0, length - 4));
        return image;
    }
}
