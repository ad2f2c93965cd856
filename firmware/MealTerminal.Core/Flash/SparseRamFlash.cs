using System;

namespace MealTerminal.Core.Flash
{
    /// <summary>
    /// A NOR chip in RAM that holds only the pages programmed since their sector was last erased:
    /// an erased page is a null entry and reads 0xFF. Same rules as RamFlash (a program only
    /// clears bits and stays inside one page; an erase sets a sector to 0xFF), but a chip of nine
    /// 4 KB sectors that is mostly erased costs a page table instead of 36 KB. The self-test runs
    /// on it, in the heap the device shares with everything else (docs/benchmarks.md, memory).
    /// </summary>
    public sealed class SparseRamFlash : IFlash
    {
        private readonly byte[][] pages;
        private readonly int pageSize;
        private readonly int pagesPerSector;

        public SparseRamFlash(int sectorCount, int sectorSize, int pageSize)
        {
            if (pageSize <= 0 || sectorSize % pageSize != 0)
            {
                throw new ArgumentException("sector size must be a multiple of the page size");
            }

            this.pageSize = pageSize;
            pagesPerSector = sectorSize / pageSize;
            pages = new byte[sectorCount * pagesPerSector][];
        }

        public int PageSize
        {
            get { return pageSize; }
        }

        public int SectorSize
        {
            get { return pagesPerSector * pageSize; }
        }

        public int SectorCount
        {
            get { return pages.Length / pagesPerSector; }
        }

        /// <summary>How many pages hold data now (each costs a page of RAM).</summary>
        public int PagesHeld
        {
            get
            {
                int held = 0;
                for (int i = 0; i < pages.Length; i++)
                {
                    if (pages[i] != null)
                    {
                        held++;
                    }
                }

                return held;
            }
        }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            while (count > 0)
            {
                int page = address / pageSize;
                int at = address % pageSize;
                int n = pageSize - at < count ? pageSize - at : count;
                byte[] data = pages[page];
                if (data == null)
                {
                    for (int i = 0; i < n; i++)
                    {
                        buffer[offset + i] = 0xFF;
                    }
                }
                else
                {
                    Array.Copy(data, at, buffer, offset, n);
                }

                address += n;
                offset += n;
                count -= n;
            }
        }

        public void Program(int address, byte[] data, int offset, int count)
        {
            CheckRange(address, count);
            if (count == 0)
            {
                return;
            }

            int page = address / pageSize;
            if (page != (address + count - 1) / pageSize)
            {
                throw new ArgumentException("a program must not cross a page boundary");
            }

            byte[] cells = pages[page];
            int at = address % pageSize;
            for (int i = 0; i < count; i++)
            {
                if (data[offset + i] == 0xFF)
                {
                    continue; // programming a 1 changes nothing: an erased page stays unallocated
                }

                if (cells == null)
                {
                    cells = NewErasedPage();
                    pages[page] = cells;
                }

                cells[at + i] = (byte)(cells[at + i] & data[offset + i]);
            }
        }

        public void EraseSector(int sector)
        {
            if (sector < 0 || sector >= SectorCount)
            {
                throw new ArgumentOutOfRangeException("sector");
            }

            int first = sector * pagesPerSector;
            for (int i = 0; i < pagesPerSector; i++)
            {
                pages[first + i] = null;
            }
        }

        private byte[] NewErasedPage()
        {
            byte[] cells = new byte[pageSize];
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = 0xFF;
            }

            return cells;
        }

        private void CheckRange(int address, int count)
        {
            if (address < 0 || count < 0 || address + count > pages.Length * pageSize)
            {
                throw new ArgumentOutOfRangeException("address");
            }
        }
    }
}
