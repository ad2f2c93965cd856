namespace MealTerminal.Device
{
    /// <summary>
    /// GPIO numbers on an ESP32-DevKitC with the ESP32-WROOM-32 module (hardware/wiring.md is the
    /// same table for people; a test keeps the two in agreement). Avoided on purpose: GPIO 6-11 (the
    /// module's own flash), strapping pins 0, 2, 5, 12 and 15 (a module pulling them at reset changes
    /// the boot mode or flash voltage) except where no other pin is left (PanelReset, the voice: each at the
    /// level its strap wants), 34-39 for anything but an input (ConsoleRx, VoiceUartRx;
    /// input only, no internal pull-ups), 14 for anything but the panel DC (it drives a PWM signal at boot), and 1/3 (UART0 behind the USB port: COM1,
    /// which nanoCLR's wire protocol owns for deploying and debugging). GPIO 16/17 are free
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

        /// <summary>
        /// Service header for the provisioning console (COM2, 115200 8N1): the technician's 3.3 V
        /// USB-serial adapter's TX goes to ConsoleRx, its RX to ConsoleTx, GND to GND. RX is an input,
        /// so it takes input-only GPIO34 (10 kOhm to 3V3 on the header: 34-39 have no pull-ups) and
        /// leaves GPIO33 to the colour panel.
        /// </summary>
        public const int ConsoleRx = 34;

        public const int ConsoleTx = 13;

        // The 320x240 colour panel (ILI9341 / ST7789, provisioning display=ili9341|st7789) on the shared VSPI bus.

        /// <summary>Panel CS, active low.</summary>
        public const int PanelChipSelect = 33;

        /// <summary>Panel D/CX: low for a command byte, high for parameters and pixels (GPIO14's boot PWM is harmless while CS is high).</summary>
        public const int PanelDataCommand = 14;

        /// <summary>Panel RESX, active low. Strapping pin 15 is pulled up at reset, which is RESX's idle level.</summary>
        public const int PanelReset = 15;

        // The voice (hardware/voice.md, provisioning voice=i2s|syn6288|xfs5152), one of two per meal point.
        // No non-strapping output pin is left, so these take strapping pins at the level their inputs leave them.

        /// <summary>MAX98357A BCLK (I2S bit clock). Strapping pin 2: pulled down at reset; BCLK is a high-impedance input.</summary>
        public const int VoiceBitClock = 2;

        /// <summary>MAX98357A LRC (I2S word select). Strapping pin 12 must be low at reset (3.3 V flash); LRC is a high-impedance input.</summary>
        public const int VoiceWordSelect = 12;

        /// <summary>MAX98357A DIN (I2S data), or on a TTS terminal UART2 TX to the module's RXD: pin 5 is pulled up at reset, a UART's idle level.</summary>
        public const int VoiceData = 5;

        /// <summary>
        /// UART2 RX (COM3) on a TTS terminal: the module's TXD (its answer bytes; may stay unwired). Routed
        /// even then: nanoFramework's ESP32 SerialPort refuses to open a port whose TX or RX pin was never
        /// set (COM3 has no default pins). Input-only GPIO35, with 10 kOhm to 3V3 so an unwired line reads idle.
        /// </summary>
        public const int VoiceUartRx = 35;
    }
}
