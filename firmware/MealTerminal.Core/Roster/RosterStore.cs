using System;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Sync;

namespace MealTerminal.Core.Roster
{
    /// <summary>
    /// Two roster slots. A new roster is written into the slot not in use, checked against its CRC,
    /// and only then made active by one state-log write, so a power cut during a download leaves the
    /// old roster working.
    /// </summary>
    public sealed class RosterStore : IDownloadTarget
    {
        private readonly IFlash flash;
        private readonly StateLog state;
        private readonly RosterSlot[] slots = new RosterSlot[2];
        private readonly SlotInstall install;
        private int activeIndex = -1;

        public RosterStore(IFlash flash, StateLog state, int firstSector, int sectorsPerSlot)
        {
            this.flash = flash;
            this.state = state;
            slots[0] = new RosterSlot(flash, firstSector, sectorsPerSlot);
            slots[1] = new RosterSlot(flash, firstSector + sectorsPerSlot, sectorsPerSlot);
            install = new SlotInstall(flash, "roster");
        }

        /// <summary>The roster in use, or null when none was ever installed.</summary>
        public RosterSlot Active
        {
            get { return activeIndex < 0 ? null : slots[activeIndex]; }
        }

        public uint ActiveVersion
        {
            get { return activeIndex < 0 ? 0 : slots[activeIndex].Version; }
        }

        public void Mount()
        {
            activeIndex = -1;
            uint stored = state.Get(StateLog.KeyActiveRosterSlot, 0xFFFFFFFF);
            if (stored < 2 && slots[(int)stored].LoadHeader())
            {
                activeIndex = (int)stored;
            }
        }

        public uint InstalledVersion
        {
            get { return ActiveVersion; }
        }

        public int ResumeGranularity
        {
            get { return flash.SectorSize; }
        }

        /// <summary>Starts writing a roster image of the given size into the inactive slot; false when it cannot fit.</summary>
        public bool BeginInstall(int imageSize)
        {
            int index = activeIndex == 0 ? 1 : 0;
            return install.Begin(index, slots[index].FirstSector, imageSize, RosterFormat.HeaderSize, slots[index].CapacityBytes);
        }

        /// <summary>
        /// Continues an install after a reboot: the first bytesDone bytes (whole sectors) are in the
        /// inactive slot already; the sector after them is erased again before it is written, since a
        /// power cut may have left half a chunk in it.
        /// </summary>
        public void ResumeInstall(int imageSize, int bytesDone)
        {
            install.Resume(BeginInstall(imageSize), bytesDone);
        }

        /// <summary>Writes a chunk of the image at its offset; chunks arrive in order.</summary>
        public void WriteChunk(int imageOffset, byte[] data, int offset, int count)
        {
            install.Write(imageOffset, data, offset, count);
        }

        /// <summary>Verifies the written image and switches to it; false (old roster kept) when it does not check.</summary>
        public bool CommitInstall()
        {
            int size = install.Size;
            int index = install.End();
            if (index < 0)
            {
                return false;
            }

            RosterSlot slot = slots[index];
            if (!slot.VerifyEntries() || slot.ImageSize != size)
            {
                return false;
            }

            state.Set(StateLog.KeyActiveRosterSlot, (uint)index);
            activeIndex = index;
            return true;
        }

        /// <summary>As CommitInstall, after checking the bytes on flash against the CRC-32 the gateway announced.</summary>
        public bool CommitInstall(uint imageCrc)
        {
            if (install.Index < 0)
            {
                return false;
            }

            if (slots[install.Index].Crc(0, install.Size) != imageCrc)
            {
                install.End();
                return false;
            }

            return CommitInstall();
        }

        /// <summary>Installs a whole image at once (provisioning and tests).</summary>
        public bool Install(byte[] image)
        {
            if (!BeginInstall(image.Length))
            {
                throw new ArgumentException("roster image does not fit a roster slot");
            }

            WriteChunk(0, image, 0, image.Length);
            return CommitInstall();
        }
    }
}
