using System.Text;
using MealTerminal.Drivers.Provisioning;

namespace MealTerminal.Drivers.Tests.Provisioning;

/// <summary>
/// Issue #15, run-time parity: on the real nanoFramework interpreter string.Trim() also strips U+FEFF
/// and U+200B but not U+0085, U+1680, U+2028, U+202F, U+205F; Encoding.UTF8.GetString stops at the
/// first NUL; malformed UTF-8 decodes to fewer U+FFFD; a surrogate pair reads as its high half twice.
/// A provisioning record must mean the same on the device as in these host tests, so the parser
/// strips a leading byte-order mark itself, trims only spaces and tabs, and refuses what the two
/// runtimes would read differently.
/// </summary>
public class ProvisioningParityTests
{
    private const string Rest = "terminal=T01\nwifi.ssid=村委会WiFi\nmqtt.host=192.0.2.10\nmqtt.password=pw\n";

    [Fact]
    public void ALeadingByteOrderMark_IsStripped_SoTheFirstKeyIsFound()
    {
        var record = Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("site=S01\n" + Rest)], out var error);

        Assert.Null(error);
        Assert.Equal("S01", record!.Get("site", ""));
    }

    [Fact]
    public void ANulByte_IsRefused_ForTheDeviceWouldStopReadingThere()
    {
        Assert.Null(Parse(Encoding.UTF8.GetBytes("site=S0\01\n" + Rest), out var error));
        Assert.Contains("NUL", error);
    }

    [Theory]
    [InlineData("site=S01\u200B")]      // nanoFramework's Trim strips it, .NET's does not
    [InlineData("site=S01\u0085")]      // .NET's Trim strips it, nanoFramework's does not
    [InlineData("site=\u00A0S01")]
    [InlineData("site=助餐S01")]
    public void NonAsciiWhereOnlyAsciiBelongs_IsRefusedWithTheKeyNamed(string line)
    {
        Assert.Null(Parse(Encoding.UTF8.GetBytes(line + "\n" + Rest), out var error));
        Assert.Contains("site", error);
        Assert.Contains("ASCII", error);
    }

    [Fact]
    public void OnlySpacesTabsAndTheCarriageReturnOfCrLf_AreTrimmed()
    {
        var record = Parse(Encoding.UTF8.GetBytes(" site \t=\t S01  \r\n" + Rest.Replace("\n", "\r\n")), out var error);

        Assert.Null(error);
        Assert.Equal("S01", record!.Get("site", ""));
        Assert.Equal("村委会WiFi", record.Get("wifi.ssid", ""));
    }

    [Theory]
    [InlineData("食堂\u2028")]   // trimmed by .NET only
    [InlineData("食堂\u3000")]
    public void AnSsidKeepsEveryCharacterButSpacesAndTabs_OnBothRuntimes(string ssid)
    {
        var record = Parse(Encoding.UTF8.GetBytes("site=S01\nterminal=T01\nwifi.ssid=" + ssid + "\nmqtt.host=h\nmqtt.password=pw\n"), out var error);

        Assert.Null(error);
        Assert.Equal(ssid, record!.Get("wifi.ssid", ""));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]              // a lead byte without its continuation
    [InlineData(new byte[] { 0xC0, 0xAF })]              // overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]        // a UTF-16 surrogate encoded on its own
    [InlineData(new byte[] { 0xF0, 0x9F, 0x8D, 0x9A })]  // U+1F35A, a surrogate pair once decoded
    [InlineData(new byte[] { 0x41, 0x07 })]              // a control character
    public void AnSsidTheRuntimesWouldDecodeDifferently_IsRefused(byte[] ssid)
    {
        var text = Encoding.UTF8.GetBytes("site=S01\nterminal=T01\nmqtt.host=h\nmqtt.password=pw\nwifi.ssid=");
        Assert.Null(Parse([.. text, .. ssid, (byte)'\n'], out var error));
        Assert.Contains("wifi.ssid", error);
    }

    [Fact]
    public void AKeyOutsideLowercaseAsciiLettersDigitsAndDots_IsRefused()
    {
        Assert.Null(Parse(Encoding.UTF8.GetBytes("站点=S01\n" + Rest), out var error));
        Assert.Contains("key", error);
    }

    private static ProvisioningRecord? Parse(byte[] text, out string? error)
    {
        var sector = ProvisioningRecord.Encode("x", 4096);
        Array.Fill(sector, (byte)0xFF);
        BitConverter.GetBytes(ProvisioningRecord.Magic).CopyTo(sector, 0);
        BitConverter.GetBytes((ushort)text.Length).CopyTo(sector, 4);
        BitConverter.GetBytes(MealTerminal.Core.Integrity.Crc32.Compute(text, 0, text.Length)).CopyTo(sector, 6);
        text.CopyTo(sector, ProvisioningRecord.HeaderSize);
        return ProvisioningRecord.TryParse(sector, out error);
    }
}
