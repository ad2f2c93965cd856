using System;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Sync;

namespace MealTerminal.Core.Fonts
{
    /// <summary>
    /// Two font slots, used like the roster's: a new font image (download kind 4) is written into the
    /// slot not in use, checked against its CRC and format, and only then made active by one
    /// state-log write, so a power cut or a corrupt image leaves the old font drawing.
    /// </summary>
    public sealed class FontStore : IDownloadTarget
    {
        private readonly IFlash flash;
        private readonly StateLog state;
        private readonly FontSlot[] slots = new FontSlot[2];
        private int activeIndex = -1;
        private int installIndex = -1;
        private int installSize;
        private int erasedSectors;

        public FontStore(IFlash flash, StateLog state, int firstSector, int sectorsPerSlot)
        {
            this.flash = flash;
            this.state = state;
            slots[0] = new FontSlot(flash, firstSector, sectorsPerSlot);
            slots[1] = new FontSlot(flash, firstSector + sectorsPerSlot, sectorsPerSlot);
        }

        /// <summary>The font in use, or null: then every character outside the built-in table is a box.</summary>
        public FontSlot Active
        {
            get { return activeIndex < 0 ? null : slots[activeIndex]; }
        }

        public uint InstalledVersion
        {
            get { return activeIndex < 0 ? 0 : slots[activeIndex].Version; }
        }

        public int ResumeGranularity
        {
            get { return flash.SectorSize; }
        }

        /// <summary>Finds the active slot from the state log; the header is checked, the whole image was checked when committed.</summary>
        public void Mount()
        {
            activeIndex = -1;
            uint stored = state.Get(StateLog.KeyActiveFontSlot, 0xFFFFFFFF);
            if (stored < 2 && slots[(int)stored].LoadHeader())
            {
                activeIndex = (int)stored;
            }
        }

        public bool BeginInstall(int imageSize)
        {
            installIndex = activeIndex == 0 ? 1 : 0;
            if (imageSize < FontFormat.HeaderSize || imageSize > slots[installIndex].CapacityBytes)
            {
                installIndex = -1;
                return false;
            }

            installSize = imageSize;
            erasedSectors = 0;
            return true;
        }

        /// <summary>Continues after a reboot: the sector after bytesDone is erased again before it is written.</summary>
        public void ResumeInstall(int imageSize, int bytesDone)
        {
            if (!BeginInstall(imageSize) || bytesDone % flash.SectorSize != 0 || bytesDone > imageSize)
            {
                installIndex = -1;
                throw new ArgumentException("font install cannot resume there");
            }

            erasedSectors = bytesDone / flash.SectorSize;
        }

        public void WriteChunk(int imageOffset, byte[] data, int offset, int count)
        {
            if (installIndex < 0 || imageOffset + count > installSize)
            {
                throw new InvalidOperationException("font chunk outside the install in progress");
            }

            erasedSectors = FlashPages.ProgramIntoSlot(flash, slots[installIndex].FirstSector, erasedSectors, imageOffset, data, offset, count);
        }

        public bool CommitInstall(uint imageCrc)
        {
            if (installIndex < 0)
            {
                return false;
            }

            FontSlot slot = slots[installIndex];
            int index = installIndex;
            installIndex = -1;
            if (FlashCrc.Of(flash, slot.FirstSector * flash.SectorSize, installSize) != imageCrc || !slot.Verify() || slot.ImageSize != installSize)
            {
                return false;
            }

            state.Set(StateLog.KeyActiveFontSlot, (uint)index);
            activeIndex = index;
            return true;
        }

        /// <summary>Installs a whole image at once (provisioning, the simulator and tests).</summary>
        public bool Install(byte[] image)
        {
            if (!BeginInstall(image.Length))
            {
                throw new ArgumentException("font image does not fit a font slot");
            }

            WriteChunk(0, image, 0, image.Length);
            return CommitInstall(Integrity.Crc32.Compute(image, 0, image.Length));
        }
    }
}
