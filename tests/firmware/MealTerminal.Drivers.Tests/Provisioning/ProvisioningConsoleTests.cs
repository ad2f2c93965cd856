using MealTerminal.Drivers.NorFlash;
using MealTerminal.Drivers.Provisioning;
using MealTerminal.Drivers.Tests.NorFlash;

namespace MealTerminal.Drivers.Tests.Provisioning;

/// <summary>
/// Issue #15: a terminal was provisioned only by writing the flash's last sector with a programmer
/// the BOM does not list. The serial console's line protocol, run against the real W25Q driver over
/// the fake chip: SET, SHOW (secrets masked), SAVE (only a complete, valid record), SELFTEST.
/// </summary>
public class ProvisioningConsoleTests
{
    private readonly FakeTime _time = new();
    private readonly W25qFlash _flash;
    private readonly ProvisioningConsole _console;
    private readonly CountingSelfTest _selfTest = new();

    public ProvisioningConsoleTests()
    {
        _flash = W25qFlash.Open(new FakeW25qChip(_time), _time);
        _console = new ProvisioningConsole(_flash, _selfTest);
    }

    [Fact]
    public void SetThenSave_WritesARecordTheTerminalBootsFrom()
    {
        SetAll();

        Assert.StartsWith("OK", _console.Execute("SAVE"));

        var record = ProvisioningRecord.TryParse(LastSector(), out var error);
        Assert.Null(error);
        Assert.Equal("村委会WiFi", record!.Get("wifi.ssid", ""));
        Assert.Equal("p@ss word", record.Get("mqtt.password", ""));
    }

    [Fact]
    public void Show_MasksTheSecrets()
    {
        SetAll();

        var shown = _console.Execute("SHOW");

        Assert.Contains("site=S01", shown);
        Assert.Contains("wifi.password=******", shown);
        Assert.Contains("mqtt.password=******", shown);
        Assert.DoesNotContain("p@ss", shown);
        Assert.DoesNotContain("wifipass", shown);
    }

    [Fact]
    public void AnIncompleteRecord_IsNotSaved_AndTheSectorIsUntouched()
    {
        _console.Execute("SET site S01");
        var before = LastSector();

        var answer = _console.Execute("SAVE");

        Assert.StartsWith("ERR", answer);
        Assert.Contains("terminal", answer);
        Assert.Equal(before, LastSector());
    }

    [Theory]
    [InlineData("SET site 助餐")]
    [InlineData("SET Site S01")]
    [InlineData("SET site")]
    [InlineData("FORMAT")]
    public void BadCommands_AreRefusedWithAReason_AndChangeNothing(string command)
    {
        SetAll();
        var shownBefore = _console.Execute("SHOW");

        Assert.StartsWith("ERR", _console.Execute(command));
        Assert.Equal(shownBefore, _console.Execute("SHOW"));
    }

    [Fact]
    public void TheRecordOnTheChip_IsReadBackAtStart()
    {
        SetAll();
        _console.Execute("SAVE");

        var again = new ProvisioningConsole(_flash, _selfTest);

        Assert.Contains("terminal=T07", again.Execute("SHOW"));
    }

    [Fact]
    public void SelfTest_RunsTheSelfTestAndReportsIt()
    {
        Assert.Equal("OK 自检通过", _console.Execute("SELFTEST"));
        Assert.Equal(1, _selfTest.Runs);
    }

    private void SetAll()
    {
        foreach (var line in new[]
                 {
                     "SET site S01", "SET terminal T07", "SET wifi.ssid 村委会WiFi", "SET wifi.password wifipass",
                     "SET mqtt.host 192.0.2.10", "SET mqtt.password p@ss word",
                 })
        {
            Assert.StartsWith("OK", _console.Execute(line));
        }
    }

    private sealed class CountingSelfTest : IConsoleSelfTest
    {
        public int Runs { get; private set; }

        public string Run()
        {
            Runs++;
            return "自检通过";
        }
    }

    private byte[] LastSector()
    {
        var sector = new byte[_flash.SectorSize];
        _flash.Read((_flash.SectorCount - 1) * _flash.SectorSize, sector, 0, sector.Length);
        return sector;
    }
}
