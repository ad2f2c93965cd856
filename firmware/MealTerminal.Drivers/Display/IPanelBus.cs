namespace MealTerminal.Drivers.Display
{
    /// <summary>
    /// The 4-wire serial interface of an ILI9341 / ST7789 panel: SPI with a D/CX line that marks a
    /// byte as a command (low) or as its parameters and pixel data (high) (ILI9341 datasheet V1.11,
    /// "4-line serial interface"; ST7789V datasheet V1.6, "4-line serial interface"). The device
    /// adapter drives D/CX and chip select around each call.
    /// </summary>
    public interface IPanelBus
    {
        /// <summary>A command byte, then count parameter bytes.</summary>
        void Command(byte command, byte[] parameters, int count);

        /// <summary>More data bytes for the command in progress (pixels after RAMWR).</summary>
        void Data(byte[] data, int offset, int count);

        /// <summary>Pulses the hardware reset line (RESX low at least 10 us, both datasheets).</summary>
        void HardwareReset();
    }
}
