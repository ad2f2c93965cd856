// Reference surface of NuGet package nanoFramework.Hardware.Esp32 1.6.37 (assembly nanoFramework.Hardware.Esp32),
// read from nanoframework/nanoFramework.Hardware.Esp32 at tag v1.6.37 (DeviceTypePins.cs): routing ESP32 GPIOs to
// the SPI1/I2C1 peripherals, the COM2 and COM3 UARTs and the I2S1 bus. DeviceFunction values are the package's encoding (device type * 0x10000 + device index
// * 0x100 + signal); only the members the terminal routes are declared. Declaration-only.
namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        SPI1_MOSI = 0x10100, SPI1_MISO = 0x10101, SPI1_CLOCK = 0x10102,
        I2C1_DATA = 0x20100, I2C1_CLOCK = 0x20101,
        COM2_TX = 0x30200, COM2_RX = 0x30201,
        COM3_TX = 0x30300, COM3_RX = 0x30301,
        I2S1_MCK = 0x60100, I2S1_BCK = 0x60101, I2S1_WS = 0x60102, I2S1_DATA_OUT = 0x60103, I2S1_MDATA_IN = 0x60104,
    }

    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) { }
        public static int GetFunctionPin(DeviceFunction function) => throw null;
    }
}
