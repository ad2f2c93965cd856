namespace MealTerminal.Core.Flash
{
    /// <summary>
    /// The whole hardware seam for persistent storage, with NOR semantics (W25Q32/W25Q128 class):
    /// reads anywhere; a program clears bits (1 to 0) inside one page and never sets them;
    /// an erase sets a whole sector to 0xFF. On the device this is the external SPI NOR chip,
    /// on the host an emulated chip.
    /// </summary>
    public interface IFlash
    {
        /// <summary>Program granularity in bytes (256 on W25Q parts).</summary>
        int PageSize { get; }

        /// <summary>Erase granularity in bytes (4096 on W25Q parts).</summary>
        int SectorSize { get; }

        int SectorCount { get; }

        void Read(int address, byte[] buffer, int offset, int count);

        /// <summary>Programs count bytes at address; the range must not cross a page boundary.</summary>
        void Program(int address, byte[] data, int offset, int count);

        void EraseSector(int sector);
    }
}
