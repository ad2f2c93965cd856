namespace MealTerminal.Drivers.Display
{
    /// <summary>
    /// Which display a terminal has, from its provisioning record's "display" key: ssd1306 (the
    /// 128x64 OLED, the default), ili9341 or st7789 (a 320x240 colour panel over SPI, which needs
    /// a W25Q128 for the font image: docs/formats.md).
    /// </summary>
    public static class DisplayKind
    {
        public const string Key = "display";
        public const int Ssd1306 = 0;
        public const int Ili9341 = 1;
        public const int St7789 = 2;

        /// <summary>The kind named by a provisioning value, or -1 with a reason for the console.</summary>
        public static int Parse(string value, out string error)
        {
            error = null;
            if (value == null || value == "ssd1306")
            {
                return Ssd1306;
            }

            if (value == "ili9341")
            {
                return Ili9341;
            }

            if (value == "st7789")
            {
                return St7789;
            }

            error = "display must be ssd1306, ili9341 or st7789";
            return -1;
        }

        public static bool IsColour(int kind)
        {
            return kind == Ili9341 || kind == St7789;
        }
    }
}
