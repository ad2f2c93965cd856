namespace MealTerminal.Device.Tests;

public class WiringAgreesWithPinMapTests
{
    private static readonly int[] ModuleFlashPins = { 6, 7, 8, 9, 10, 11 };
    private static readonly int[] StrappingPins = { 0, 2, 5, 12, 15 };
    private static readonly int[] SerialPins = { 1, 3 };

    [Fact]
    public void WiringTable_ListsExactlyThePinMapConstants_WithTheSameGpios()
    {
        var table = WiringTable.Parse(WiringTable.Read("hardware/wiring.md"));
        var pinMap = WiringTable.FromPinMap();

        Assert.True(pinMap.Count >= 12, "PinMap lost constants");
        Assert.Equal(pinMap.OrderBy(p => p.Key), table.OrderBy(p => p.Key));
    }

    [Fact]
    public void TheParser_NoticesAChangedNumber()
    {
        string wiring = WiringTable.Read("hardware/wiring.md").Replace("| SpiMosi | GPIO23 |", "| SpiMosi | GPIO13 |");
        Assert.NotEqual(WiringTable.FromPinMap()["SpiMosi"], WiringTable.Parse(wiring)["SpiMosi"]);
    }

    [Fact]
    public void WiringDiagram_ShowsEveryGpioOfThePinMap()
    {
        string svg = WiringTable.Read("hardware/wiring.svg");
        foreach (var pin in WiringTable.FromPinMap())
        {
            Assert.True(svg.Contains($">GPIO{pin.Value}<"), $"wiring.svg does not label GPIO{pin.Value} ({pin.Key})");
        }
    }

    [Fact]
    public void NoTwoSignals_ShareAGpio()
    {
        var pins = WiringTable.FromPinMap();
        var shared = pins.GroupBy(p => p.Value).Where(g => g.Count() > 1).Select(g => string.Join("+", g.Select(p => p.Key)));
        Assert.Empty(shared);
    }

    [Fact]
    public void NoSignal_UsesTheModuleFlash_StrappingSerialOrInputOnlyPins()
    {
        foreach (var pin in WiringTable.FromPinMap())
        {
            Assert.DoesNotContain(pin.Value, ModuleFlashPins);
            Assert.DoesNotContain(pin.Value, StrappingPins);
            Assert.DoesNotContain(pin.Value, SerialPins);
            Assert.InRange(pin.Value, 0, 33); // 34-39 are input only, without pull-ups
        }
    }
}
