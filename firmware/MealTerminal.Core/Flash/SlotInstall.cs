using System;

namespace MealTerminal.Core.Flash
{
    /// <summary>
    /// An image being written into the slot not in use (roster, font, voice pack: two slots each,
    /// switched by one state-log write): which slot, the image's size and how many of the slot's
    /// sectors are erased. Chunks arrive in order; after a reboot the install resumes at a whole
    /// sector, which is erased again before it is written.
    /// </summary>
    public sealed class SlotInstall
    {
        private readonly IFlash flash;
        private readonly string what;
        private int firstSector;
        private int erasedSectors;

        /// <param name="what">What the slots hold, for the exceptions ("roster", "font").</param>
        public SlotInstall(IFlash flash, string what)
        {
            this.flash = flash;
            this.what = what;
            Index = -1;
        }

        /// <summary>The slot being written, -1 when no install is in progress.</summary>
        public int Index { get; private set; }

        public int Size { get; private set; }

        /// <summary>Starts an install into slot index at slotFirstSector; false (none in progress) when the size is outside [minSize, capacityBytes].</summary>
        public bool Begin(int index, int slotFirstSector, int imageSize, int minSize, int capacityBytes)
        {
            if (imageSize < minSize || imageSize > capacityBytes)
            {
                Index = -1;
                return false;
            }

            Index = index;
            firstSector = slotFirstSector;
            Size = imageSize;
            erasedSectors = 0;
            return true;
        }

        /// <summary>After a Begin that returned begun: the first bytesDone bytes (whole sectors) are written already.</summary>
        public void Resume(bool begun, int bytesDone)
        {
            if (!begun || bytesDone % flash.SectorSize != 0 || bytesDone > Size)
            {
                Index = -1;
                throw new ArgumentException(what + " install cannot resume there");
            }

            erasedSectors = bytesDone / flash.SectorSize;
        }

        public void Write(int imageOffset, byte[] data, int offset, int count)
        {
            if (Index < 0 || imageOffset + count > Size)
            {
                throw new InvalidOperationException(what + " chunk outside the install in progress");
            }

            erasedSectors = FlashPages.ProgramIntoSlot(flash, firstSector, erasedSectors, imageOffset, data, offset, count);
        }

        /// <summary>Ends the install (to commit or drop it); returns the slot that was being written, -1 when none.</summary>
        public int End()
        {
            int index = Index;
            Index = -1;
            return index;
        }
    }
}
