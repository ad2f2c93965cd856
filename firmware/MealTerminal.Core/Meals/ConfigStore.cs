using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Sync;

namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// Two one-sector slots for the configuration image, used like the roster's: a new image is
    /// written into the slot not in use, checked, and switched to by one state-log write.
    /// </summary>
    public sealed class ConfigStore : IDownloadTarget
    {
        private readonly IFlash flash;
        private readonly StateLog state;
        private readonly int firstSector;
        private readonly byte[] image = new byte[ConfigImage.MaxSize];
        private int activeIndex = -1;
        private int installIndex = -1;
        private int installSize;

        public ConfigStore(IFlash flash, StateLog state, int firstSector)
        {
            this.flash = flash;
            this.state = state;
            this.firstSector = firstSector;
            Active = new ConfigValues();
        }

        /// <summary>The installed configuration; meaningful only when InstalledVersion is not 0.</summary>
        public ConfigValues Active { get; private set; }

        public uint InstalledVersion
        {
            get { return activeIndex < 0 ? 0 : Active.Version; }
        }

        public int ResumeGranularity
        {
            get { return flash.SectorSize; }
        }

        /// <summary>Reads the active slot; a slot that does not check is ignored (built-in defaults stay).</summary>
        public void Mount()
        {
            activeIndex = -1;
            uint stored = state.Get(StateLog.KeyActiveConfigSlot, 0xFFFFFFFF);
            if (stored < 2 && Read((int)stored, ConfigImage.MaxSize) > 0)
            {
                activeIndex = (int)stored;
            }

            SlotLost = stored < 2 && activeIndex < 0;
        }

        /// <summary>True after Mount when the state log names a slot that does not check: the defaults run instead.</summary>
        public bool SlotLost { get; private set; }

        public bool BeginInstall(int imageSize)
        {
            if (imageSize < 16 || imageSize > ConfigImage.MaxSize || imageSize > flash.SectorSize)
            {
                installIndex = -1;
                return false;
            }

            installIndex = activeIndex == 0 ? 1 : 0;
            installSize = imageSize;
            flash.EraseSector(firstSector + installIndex);
            return true;
        }

        public void ResumeInstall(int imageSize, int bytesDone)
        {
            BeginInstall(imageSize); // an image is smaller than a sector: there is never progress to keep
        }

        public void WriteChunk(int imageOffset, byte[] data, int offset, int count)
        {
            if (installIndex < 0 || imageOffset + count > installSize)
            {
                throw new System.InvalidOperationException("config chunk outside the install in progress");
            }

            int address = ((firstSector + installIndex) * flash.SectorSize) + imageOffset;
            FlashPages.Program(flash, address, data, offset, count);
        }

        public bool CommitInstall(uint imageCrc)
        {
            int index = installIndex;
            installIndex = -1;
            if (index < 0)
            {
                return false;
            }

            ConfigValues previous = new ConfigValues();
            previous.CopyFrom(Active);
            if (Read(index, installSize) != installSize || Crc32.Compute(image, 0, installSize) != imageCrc)
            {
                Active.CopyFrom(previous);
                return false;
            }

            state.Set(StateLog.KeyActiveConfigSlot, (uint)index);
            activeIndex = index;
            return true;
        }

        /// <summary>Reads and decodes a slot into Active; returns the image length or -1 (Active then unspecified).</summary>
        private int Read(int slot, int size)
        {
            flash.Read((firstSector + slot) * flash.SectorSize, image, 0, size);
            return ConfigImage.TryDecode(image, size, Active);
        }
    }
}
