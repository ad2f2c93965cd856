namespace MealTerminal.Drivers.NorFlash
{
    /// <summary>
    /// Winbond W25Q32JV / W25Q128JV instruction codes, status bits and timings. Section numbers are
    /// those of the W25Q32JV datasheet (the W25Q128JV datasheet uses the same names and codes);
    /// check them against the revision you hold.
    /// </summary>
    internal static class W25qCommands
    {
        public const byte WriteEnable = 0x06;        // §8.2.1 Write Enable (06h): sets WEL
        public const byte ReadStatus1 = 0x05;        // §8.2.4 Read Status Register-1 (05h)
        public const byte ReadData = 0x03;           // §8.2.6 Read Data (03h): 24-bit address, no dummy byte
        public const byte PageProgram = 0x02;        // §8.2.13 Page Program (02h): 1..256 bytes in one page
        public const byte SectorErase = 0x20;        // §8.2.15 Sector Erase 4KB (20h)
        public const byte ReleasePowerDown = 0xAB;   // §8.2.22 Release Power-down / Device ID (ABh)
        public const byte JedecId = 0x9F;            // §8.2.27 Read JEDEC ID (9Fh): manufacturer, type, capacity

        public const int StatusBusy = 0x01;          // §7.1.1 BUSY (S0): program/erase/write-status in progress
        public const int StatusWriteEnableLatch = 0x02; // §7.1.2 WEL (S1): cleared when program/erase completes

        public const byte ManufacturerWinbond = 0xEF; // §8.2.27 / Table "Manufacturer and Device Identification"
        public const byte Capacity32Mbit = 0x16;      // W25Q32JV: 4 MiB
        public const byte Capacity128Mbit = 0x18;     // W25Q128JV: 16 MiB

        // §9.6 AC Electrical Characteristics (both parts): maxima, not typicals.
        public const int PageProgramMaxMicroseconds = 3000;     // tPP max 3 ms (typ 0.4 ms)
        public const int SectorEraseMaxMicroseconds = 400000;   // tSE max 400 ms (typ 45 ms)
        public const int ReleasePowerDownMicroseconds = 3;      // tRES1 max 3 us, /CS high to standby

        public const int PageSize = 256;   // §6.1 / §8.2.13: a page is 256 bytes
        public const int SectorSize = 4096; // §6.1: 4 KB sectors, the smallest erase unit
    }
}
