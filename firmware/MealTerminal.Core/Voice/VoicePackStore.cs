using System;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Sync;

namespace MealTerminal.Core.Voice
{
    /// <summary>
    /// Two voice pack slots at the end of the flash (FlashLayout), used like the roster's: a new pack
    /// is written into the slot not in use, its CRC and index checked, and switched to by one
    /// state-log write, so a power cut or a corrupt pack leaves the old voice speaking. Keeps the
    /// active pack's clip addresses in RAM, so finding a clip during a tap reads no flash.
    /// </summary>
    public sealed class VoicePackStore : IDownloadTarget
    {
        private readonly IFlash flash;
        private readonly StateLog state;
        private readonly int firstSector;
        private readonly int sectorsPerSlot;
        private readonly int[] clipAddress = new int[Phrase.Count];
        private readonly int[] clipLength = new int[Phrase.Count];
        private readonly byte[] page = new byte[256];
        private readonly SlotInstall install;
        private int activeIndex = -1;

        public VoicePackStore(IFlash flash, StateLog state, int firstSector, int sectorsPerSlot)
        {
            this.flash = flash;
            this.state = state;
            this.firstSector = firstSector;
            this.sectorsPerSlot = sectorsPerSlot;
            install = new SlotInstall(flash, "voice pack");
        }

        /// <summary>Version of the pack in use, 0 when none (the clip voice then stays silent).</summary>
        public uint InstalledVersion { get; private set; }

        public int SampleRate { get; private set; }

        public int ResumeGranularity
        {
            get { return flash.SectorSize; }
        }

        public int CapacityBytes
        {
            get { return sectorsPerSlot * flash.SectorSize; }
        }

        /// <summary>Reads the active slot; one that does not check (header, index, CRC) is not used.</summary>
        public void Mount()
        {
            activeIndex = -1;
            InstalledVersion = 0;
            uint stored = state.Get(StateLog.KeyActiveVoiceSlot, 0xFFFFFFFF);
            if (stored < 2 && sectorsPerSlot > 0 && Load((int)stored, -1, false))
            {
                activeIndex = (int)stored;
            }
        }

        /// <summary>Where phrase's clip starts in flash and how long it is; false when the pack has none.</summary>
        public bool TryFindClip(int phrase, out int address, out int length)
        {
            address = 0;
            length = 0;
            if (activeIndex < 0 || phrase <= 0 || phrase >= Phrase.Count || clipLength[phrase] == 0)
            {
                return false;
            }

            address = clipAddress[phrase];
            length = clipLength[phrase];
            return true;
        }

        public bool BeginInstall(int imageSize)
        {
            int index = activeIndex == 0 ? 1 : 0;
            return install.Begin(index, firstSector + (index * sectorsPerSlot), imageSize, VoicePackFormat.HeaderSize + 4, CapacityBytes);
        }

        /// <summary>Continues after a reboot: whole sectors up to bytesDone are written; the next one is erased again.</summary>
        public void ResumeInstall(int imageSize, int bytesDone)
        {
            install.Resume(BeginInstall(imageSize), bytesDone);
        }

        public void WriteChunk(int imageOffset, byte[] data, int offset, int count)
        {
            install.Write(imageOffset, data, offset, count);
        }

        /// <summary>Checks the written pack (the announced CRC, its own CRC, header and index) and switches to it; false keeps the old one.</summary>
        public bool CommitInstall(uint imageCrc)
        {
            int size = install.Size;
            int index = install.End();
            if (index < 0 || Crc(index, size) != imageCrc)
            {
                return false;
            }

            if (!Load(index, size, true))
            {
                return false; // Load changes the clip table only for a pack that checks: the old one keeps speaking
            }

            state.Set(StateLog.KeyActiveVoiceSlot, (uint)index);
            activeIndex = index;
            return true;
        }

        /// <summary>Installs a whole pack at once (provisioning, the simulator, tests).</summary>
        public bool Install(byte[] image)
        {
            if (!BeginInstall(image.Length))
            {
                return false;
            }

            WriteChunk(0, image, 0, image.Length);
            return CommitInstall(Crc32.Compute(image, 0, image.Length));
        }

        /// <summary>
        /// Checks a slot and fills the clip table from it; expectedSize -1 takes the size from the header.
        /// The pack's own CRC is checked at install only: over 512 KB it would take seconds of a boot on the
        /// interpreter, and a damaged clip can only sound wrong, since the index is checked at every boot.
        /// </summary>
        private bool Load(int slot, int expectedSize, bool checkCrc)
        {
            int address = (firstSector + (slot * sectorsPerSlot)) * flash.SectorSize;
            flash.Read(address, page, 0, VoicePackFormat.HeaderSize);
            int size = expectedSize >= 0 ? expectedSize : (int)LittleEndian.ReadUInt32(page, 16);
            int entries = VoicePackFormat.EntryCount(page);
            if (LittleEndian.ReadUInt32(page, 0) != VoicePackFormat.Magic || size < VoicePackFormat.HeaderSize + 4 || size > CapacityBytes
                || entries < 1 || entries > VoicePackFormat.MaxEntries)
            {
                return false;
            }

            byte[] index = new byte[VoicePackFormat.IndexSize(entries)]; // at boot or install only, never in a tap
            flash.Read(address, index, 0, index.Length);
            if (VoicePackFormat.CheckHeader(index, index.Length, size) != null)
            {
                return false;
            }

            if (checkCrc)
            {
                flash.Read(address + size - 4, page, 0, 4);
                if (LittleEndian.ReadUInt32(page, 0) != Crc(slot, size - 4))
                {
                    return false;
                }
            }

            for (int phrase = 0; phrase < Phrase.Count; phrase++)
            {
                bool present = phrase > 0 && phrase < entries;
                int at = VoicePackFormat.HeaderSize + (phrase * VoicePackFormat.IndexEntrySize);
                clipLength[phrase] = present ? (int)LittleEndian.ReadUInt32(index, at + 4) : 0;
                clipAddress[phrase] = present ? address + (int)LittleEndian.ReadUInt32(index, at) : 0;
            }

            InstalledVersion = LittleEndian.ReadUInt32(index, 8);
            SampleRate = (int)LittleEndian.ReadUInt32(index, 12);
            return true;
        }

        private uint Crc(int slot, int count)
        {
            int address = (firstSector + (slot * sectorsPerSlot)) * flash.SectorSize;
            uint crc = Crc32.Start();
            for (int done = 0; done < count; done += page.Length)
            {
                int n = count - done < page.Length ? count - done : page.Length;
                flash.Read(address + done, page, 0, n);
                crc = Crc32.Update(crc, page, 0, n);
            }

            return Crc32.Finish(crc);
        }
    }
}
