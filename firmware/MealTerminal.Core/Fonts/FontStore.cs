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
        private readonly SlotInstall install;
        private int activeIndex = -1;

        public FontStore(IFlash flash, StateLog state, int firstSector, int sectorsPerSlot)
        {
            this.flash = flash;
            this.state = state;
            slots[0] = new FontSlot(flash, firstSector, sectorsPerSlot);
            slots[1] = new FontSlot(flash, firstSector + sectorsPerSlot, sectorsPerSlot);
            install = new SlotInstall(flash, "font");
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
            int index = activeIndex == 0 ? 1 : 0;
            return install.Begin(index, slots[index].FirstSector, imageSize, FontFormat.HeaderSize, slots[index].CapacityBytes);
        }

        /// <summary>Continues after a reboot: the sector after bytesDone is erased again before it is written.</summary>
        public void ResumeInstall(int imageSize, int bytesDone)
        {
            install.Resume(BeginInstall(imageSize), bytesDone);
        }

        public void WriteChunk(int imageOffset, byte[] data, int offset, int count)
        {
            install.Write(imageOffset, data, offset, count);
        }

        public bool CommitInstall(uint imageCrc)
        {
            int size = install.Size;
            int index = install.End();
            if (index < 0)
            {
                return false;
            }

            FontSlot slot = slots[index];
            if (FlashCrc.Of(flash, slot.FirstSector * flash.SectorSize, size) != imageCrc || !slot.Verify() || slot.ImageSize != size)
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
