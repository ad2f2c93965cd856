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

        Assert.True(pinMap.Count >= 20, "PinMap lost constants");
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

    /// <summary>Strapping pins a signal may take, each wired to an input that leaves it at its strap level at reset (wiring.md).</summary>
    private static readonly string[] StrappingUsers = { "PanelReset", "VoiceBitClock", "VoiceWordSelect", "VoiceData" };

    /// <summary>Signals that are inputs to the ESP32, and so may use input-only GPIO 34-39.</summary>
    private static readonly string[] Inputs = { "ConsoleRx", "VoiceUartRx" };

    [Fact]
    public void NoSignal_UsesTheModuleFlash_OrSerialPins_AndOnlyNamedOnesUseStrappingOrInputOnlyPins()
    {
        foreach (var pin in WiringTable.FromPinMap())
        {
            Assert.DoesNotContain(pin.Value, ModuleFlashPins);
            Assert.DoesNotContain(pin.Value, SerialPins);
            Assert.NotEqual(0, pin.Value); // the boot button
            if (StrappingPins.Contains(pin.Value))
            {
                Assert.Contains(pin.Key, StrappingUsers);
            }

            Assert.InRange(pin.Value, 0, Inputs.Contains(pin.Key) ? 39 : 33); // 34-39 are input only, without pull-ups
        }
    }

    [Fact]
    public void TheConsole_ThePanel_AndTheVoice_HaveTheirOwnPins()
    {
        var pins = WiringTable.FromPinMap();
        string[] optional = { "ConsoleRx", "ConsoleTx", "PanelChipSelect", "PanelDataCommand", "PanelReset", "VoiceBitClock", "VoiceWordSelect", "VoiceData" };
        var gpios = optional.Select(name => pins[name]).ToList();
        Assert.Equal(gpios.Count, gpios.Distinct().Count());
        Assert.Empty(gpios.Intersect(pins.Where(p => !optional.Contains(p.Key)).Select(p => p.Value)));
    }

    [Fact]
    public void VoiceDoc_ProposesThePinMapsVoicePins()
    {
        string voice = WiringTable.Read("hardware/voice.md");
        var pins = WiringTable.FromPinMap();
        Assert.Contains($"| BCLK | ESP32 GPIO {pins["VoiceBitClock"]} |", voice);
        Assert.Contains($"| LRC | ESP32 GPIO {pins["VoiceWordSelect"]} |", voice);
        Assert.Contains($"| DIN | ESP32 GPIO {pins["VoiceData"]} |", voice);
        Assert.Contains($"| RXD | ESP32 GPIO {pins["VoiceData"]} ", voice);
    }
}
