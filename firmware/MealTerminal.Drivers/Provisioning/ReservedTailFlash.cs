using MealTerminal.Core.Flash;

namespace MealTerminal.Drivers.Provisioning
{
    /// <summary>
    /// The chip as the terminal core sees it: the same flash without its last sectors, which hold
    /// the provisioning record, so the ledger ring can never reach them.
    /// </summary>
    public sealed class ReservedTailFlash : IFlash
    {
        private readonly IFlash chip;
        private readonly int reservedSectors;

        public ReservedTailFlash(IFlash chip, int reservedSectors)
        {
            this.chip = chip;
            this.reservedSectors = reservedSectors;
        }

        public int PageSize
        {
            get { return chip.PageSize; }
        }

        public int SectorSize
        {
            get { return chip.SectorSize; }
        }

        public int SectorCount
        {
            get { return chip.SectorCount - reservedSectors; }
        }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            Check(address, count);
            chip.Read(address, buffer, offset, count);
        }

        public void Program(int address, byte[] data, int offset, int count)
        {
            Check(address, count);
            chip.Program(address, data, offset, count);
        }

        public void EraseSector(int sector)
        {
            if (sector < 0 || sector >= SectorCount)
            {
                throw new System.ArgumentOutOfRangeException("sector");
            }

            chip.EraseSector(sector);
        }

        private void Check(int address, int count)
        {
            if (address < 0 || address + count > SectorCount * SectorSize)
            {
                throw new System.ArgumentOutOfRangeException("address");
            }
        }
    }
}
