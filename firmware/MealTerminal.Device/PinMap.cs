namespace MealTerminal.Device
{
    /// <summary>
    /// GPIO numbers on an ESP32-DevKitC with the ESP32-WROOM-32 module (hardware/wiring.md is the
    /// same table for people; a test keeps the two in agreement). Avoided on purpose: GPIO 6-11 (the
    /// module's own flash), strapping pins 0, 2, 5, 12 and 15 (a module pulling them at reset changes
    /// the boot mode or flash voltage), 34-39 for anything needing output or a pull-up (input only,
    /// no internal pull-ups), and 1/3 (USB serial, used to deploy and provision). GPIO 16/17 are free
    /// on WROOM-32 only: a WROVER module uses them for PSRAM, so this map is not for WROVER boards.
    /// </summary>
    public static class PinMap
    {
        // VSPI, shared by the card reader and the NOR flash; each has its own chip select.
        public const int SpiClock = 18;
        public const int SpiMiso = 19;
        public const int SpiMosi = 23;

        /// <summary>MFRC522 SDA/NSS (chip select), active low.</summary>
        public const int ReaderChipSelect = 16;

        /// <summary>MFRC522 RST (NRSTPD): low = hard power-down; the watchdog pulses it to revive the chip.</summary>
        public const int ReaderReset = 4;

        /// <summary>W25Q /CS (chip pin 1), active low.</summary>
        public const int FlashChipSelect = 17;

        // I2C bus: SSD1306 display (0x3C) and DS3231 clock (0x68, its AT24C32 EEPROM at 0x57).
        public const int I2cData = 21;
        public const int I2cClock = 22;

        /// <summary>Base of the NPN transistor (via 1 kOhm) that switches the active buzzer.</summary>
        public const int Buzzer = 25;

        public const int GreenLed = 26;
        public const int RedLed = 27;

        /// <summary>Host button to ground; internal pull-up, so pressed reads low.</summary>
        public const int HostButton = 32;

        // The 320x240 colour panel (ILI9341 / ST7789, provisioning display=ili9341|st7789) on the shared VSPI bus.

        /// <summary>Panel CS, active low.</summary>
        public const int PanelChipSelect = 33;

        /// <summary>Panel D/CX: low for a command byte, high for parameters and pixels.</summary>
        public const int PanelDataCommand = 14;

        /// <summary>Panel RESX, active low.</summary>
        public const int PanelReset = 13;
    }
}
