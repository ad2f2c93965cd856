// Reference surface of NuGet package nanoFramework.Hardware.Esp32 1.6.x (assembly nanoFramework.Hardware.Esp32):
// routing ESP32 GPIOs to the SPI1/I2C1 peripherals. The enum values below are placeholders, not the real
// encoding: this surface only proves names compile and is never deployed.
namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        SPI1_MOSI = 0x10000, SPI1_MISO = 0x10001, SPI1_CLOCK = 0x10002,
        I2C1_DATA = 0x20000, I2C1_CLOCK = 0x20001,
    }

    public static class Configuration
    {
        public static void SetPinFunction(int gpioNumber, DeviceFunction function) { }
    }
}
