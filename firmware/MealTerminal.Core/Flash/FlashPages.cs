namespace MealTerminal.Core.Flash
{
    /// <summary>Programs a run of bytes that may span program pages, one page-bounded piece at a time.</summary>
    public static class FlashPages
    {
        /// <summary>Reads of one range at most, in ReadAgreed.</summary>
        public const int MaxReads = 4;

        /// <summary>
        /// Reads count bytes into buffer until two reads in a row agree (at most MaxReads; scratch
        /// holds the other read). Boot decides from what it reads which slots to void, so a read
        /// disturbed once on the SPI bus must not pass for a torn record. Returns the reads made.
        /// Cells a power cut left marginal may never agree: the last read is kept.
        /// </summary>
        public static int ReadAgreed(IFlash flash, int address, byte[] buffer, int offset, int count, byte[] scratch)
        {
            flash.Read(address, buffer, offset, count);
            for (int reads = 2; reads <= MaxReads; reads++)
            {
                flash.Read(address, scratch, 0, count);
                bool same = true;
                for (int i = 0; i < count; i++)
                {
                    if (scratch[i] != buffer[offset + i])
                    {
                        buffer[offset + i] = scratch[i];
                        same = false;
                    }
                }

                if (same)
                {
                    return reads;
                }
            }

            return MaxReads;
        }

        /// <summary>
        /// Writes one chunk of an image being installed into a slot that starts at firstSector: the
        /// slot's sectors are erased just ahead of the chunk (never one already written since the
        /// install began or resumed), then the chunk is programmed. Returns the sectors now erased,
        /// which the caller keeps for the next chunk. Shared by the roster, voice pack and font stores.
        /// </summary>
        public static int ProgramIntoSlot(IFlash flash, int firstSector, int erasedSectors, int imageOffset, byte[] data, int offset, int count)
        {
            int sectorSize = flash.SectorSize;
            int needed = (imageOffset + count + sectorSize - 1) / sectorSize;
            while (erasedSectors < needed)
            {
                flash.EraseSector(firstSector + erasedSectors);
                erasedSectors++;
            }

            Program(flash, (firstSector * sectorSize) + imageOffset, data, offset, count);
            return erasedSectors;
        }

        public static void Program(IFlash flash, int address, byte[] data, int offset, int count)
        {
            int done = 0;
            while (done < count)
            {
                int pageRoom = flash.PageSize - ((address + done) % flash.PageSize);
                int n = count - done < pageRoom ? count - done : pageRoom;
                flash.Program(address + done, data, offset + done, n);
                done += n;
            }
        }
    }
}
