using System;

namespace MealTerminal.Core.Flash
{
    /// <summary>
    /// A NOR chip in RAM with the real chip's rules enforced: a program only clears bits and must
    /// stay inside one page; an erase sets a sector to 0xFF. The simulator persists it to a file;
    /// the self-test runs the core against a small one.
    /// </summary>
    public class RamFlash : IFlash
    {
        private readonly byte[] memory;
        private readonly int pageSize;
        private readonly int sectorSize;

        public RamFlash(int sectorCount, int sectorSize, int pageSize)
        {
            if (sectorSize % pageSize != 0)
            {
                throw new ArgumentException("sector size must be a multiple of the page size");
            }

            this.pageSize = pageSize;
            this.sectorSize = sectorSize;
            memory = new byte[sectorCount * sectorSize];
            for (int i = 0; i < memory.Length; i++)
            {
                memory[i] = 0xFF;
            }
        }

        public int PageSize
        {
            get { return pageSize; }
        }

        public int SectorSize
        {
            get { return sectorSize; }
        }

        public int SectorCount
        {
            get { return memory.Length / sectorSize; }
        }

        /// <summary>The raw contents, for persistence and for tests that inspect or corrupt it.</summary>
        public byte[] Memory
        {
            get { return memory; }
        }

        public virtual void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            Array.Copy(memory, address, buffer, offset, count);
        }

        public virtual void Program(int address, byte[] data, int offset, int count)
        {
            CheckRange(address, count);
            if (count > 0 && (address / pageSize) != ((address + count - 1) / pageSize))
            {
                throw new ArgumentException("a program must not cross a page boundary");
            }

            for (int i = 0; i < count; i++)
            {
                memory[address + i] = (byte)(memory[address + i] & data[offset + i]);
            }
        }

        public virtual void EraseSector(int sector)
        {
            if (sector < 0 || sector >= SectorCount)
            {
                throw new ArgumentOutOfRangeException("sector");
            }

            int start = sector * sectorSize;
            for (int i = 0; i < sectorSize; i++)
            {
                memory[start + i] = 0xFF;
            }
        }

        private void CheckRange(int address, int count)
        {
            if (address < 0 || count < 0 || address + count > memory.Length)
            {
                throw new ArgumentOutOfRangeException("address");
            }
        }
    }
}
