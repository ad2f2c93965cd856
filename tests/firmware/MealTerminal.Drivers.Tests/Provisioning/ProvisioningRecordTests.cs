using MealTerminal.Drivers.Provisioning;

namespace MealTerminal.Drivers.Tests.Provisioning;

public class ProvisioningRecordTests
{
    private const string Text = "# 助餐点 S01\nsite=S01\nterminal=T01\nwifi.ssid=村委会WiFi\nwifi.password=secret\nmqtt.host=192.0.2.10\nmqtt.port=1883\nmqtt.password=p@ss=word\n";

    [Fact]
    public void ProvisionedSector_GivesEveryValueIncludingChineseAndEqualsSigns()
    {
        var record = ProvisioningRecord.TryParse(ProvisioningRecord.Encode(Text, 4096), out var error);
        Assert.Null(error);
        Assert.Equal("村委会WiFi", record!.Get("wifi.ssid", ""));
        Assert.Equal("p@ss=word", record.Get("mqtt.password", ""));
        Assert.Equal("1883", record.Get("mqtt.port", "0"));
        Assert.Equal("fallback", record.Get("absent", "fallback"));
    }

    [Fact]
    public void ErasedSector_SaysNotProvisioned()
    {
        var blank = Enumerable.Repeat((byte)0xFF, 4096).ToArray();
        Assert.Null(ProvisioningRecord.TryParse(blank, out var error));
        Assert.Equal("not provisioned", error);
    }

    [Fact]
    public void DamagedText_IsRefusedByItsCrc()
    {
        var sector = ProvisioningRecord.Encode(Text, 4096);
        sector[ProvisioningRecord.HeaderSize + 3] ^= 0x20;
        Assert.Null(ProvisioningRecord.TryParse(sector, out var error));
        Assert.Contains("CRC", error);
    }

    [Fact]
    public void MissingRequiredKey_IsNamed()
    {
        var sector = ProvisioningRecord.Encode("site=S01\nterminal=T01\nwifi.ssid=x\nmqtt.host=h\n", 4096);
        Assert.Null(ProvisioningRecord.TryParse(sector, out var error));
        Assert.Equal("provisioning lacks mqtt.password", error);
    }
}

public class ReservedTailFlashTests
{
    [Fact]
    public void TheProvisioningSector_IsOutOfTheCoresReach()
    {
        var chip = new MealTerminal.Core.Flash.RamFlash(8, 4096, 256);
        var core = new ReservedTailFlash(chip, 1);
        Assert.Equal(7, core.SectorCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => core.EraseSector(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => core.Program(7 * 4096, new byte[4], 0, 4));
        core.EraseSector(6);
    }
}
